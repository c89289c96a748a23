// Per-video frame AUCs of an evaluation, worst first, each linked to its run in this viewer.
import Link from 'next/link';
import { formatMetric } from '../format/format-metric';

export interface PerVideoAucTableProps {
  rows: readonly { video: string; auc: number | null }[];
  /** Run id of each video name of the same model version. */
  runByVideo: ReadonlyMap<string, string>;
  currentVideo: string;
}

export function PerVideoAucTable({ rows, runByVideo, currentVideo }: PerVideoAucTableProps) {
  const sorted = [...rows].sort((a, b) => (a.auc ?? Infinity) - (b.auc ?? Infinity) || a.video.localeCompare(b.video));
  return (
    <div className="table-wrap" style={{ maxHeight: '18rem', overflowY: 'auto' }}>
      <table aria-label="Per-video AUC">
        <thead>
          <tr>
            <th scope="col">Video</th>
            <th scope="col" className="num">
              AUC %
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => {
            const runId = runByVideo.get(row.video);
            const current = row.video === currentVideo;
            return (
              <tr key={row.video} aria-current={current ? 'true' : undefined} style={current ? { fontWeight: 600 } : undefined}>
                <td>{runId && !current ? <Link href={`/runs/${runId}`}>{row.video}</Link> : row.video}</td>
                <td className="num">{row.auc == null ? <span className="muted">single class</span> : formatMetric(row.auc)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
