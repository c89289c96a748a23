// A training job's finished epochs: mean training loss, validation loss when the run holds out videos, time.
import { formatDuration } from '../format/format-duration';
import type { EpochPoint } from './loss-curve-series';

interface EpochRow extends EpochPoint {
  loss: number;
  seconds: number;
}

export function EpochTable({ epochs }: { epochs: readonly EpochRow[] }) {
  const withValidation = epochs.some((e) => e.validationLoss != null);
  return (
    <div className="card">
      <h2>Epochs</h2>
      <div className="table-wrap">
        <table aria-label="Finished epochs">
          <thead>
            <tr>
              <th scope="col">Epoch</th>
              <th scope="col">Stage</th>
              <th scope="col" className="num">
                Training loss
              </th>
              {withValidation && (
                <th scope="col" className="num">
                  Validation loss
                </th>
              )}
              <th scope="col" className="num">
                Time
              </th>
            </tr>
          </thead>
          <tbody>
            {epochs.map((e) => (
              <tr key={e.epoch}>
                <td>{e.epoch}</td>
                <td>{e.stage}</td>
                <td className="num">{e.loss.toPrecision(4)}</td>
                {withValidation && <td className="num">{e.validationLoss != null ? e.validationLoss.toPrecision(4) : '—'}</td>}
                <td className="num">{formatDuration(e.seconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!withValidation && <p className="small muted">No validation loss: this training held out no validation videos.</p>}
    </div>
  );
}
