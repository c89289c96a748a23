// The run viewer's heading: which video, which model version, how it was scored, and the protocol to show.
import Link from 'next/link';
import { formatMetric } from '../format/format-metric';
import { formatRate } from '../format/format-rate';
import type { RunViewerQuery as RunViewerData } from '../graphql/generated/graphql';
import { sameOriginUrl } from '../graphql/same-origin-url';

type Run = NonNullable<RunViewerData['inferenceRun']>;

interface RunHeadingProps {
  run: Run;
  frameCount: number;
  protocol: string;
  protocols: readonly string[];
  onProtocol(protocol: string): void;
}

export function RunHeading({ run, frameCount, protocol, protocols, onProtocol }: RunHeadingProps) {
  const { video, frameScores } = run;
  return (
    <div className="span-all page-head">
      <div>
        <h1>
          {video.name} <span className="muted">·</span>{' '}
          <Link href={`/models/${run.modelVersion.model.id}?version=${run.modelVersion.id}`}>
            {run.modelVersion.model.name} v{run.modelVersion.number}
          </Link>
        </h1>
        <p className="muted small" style={{ margin: 0 }}>
          {frameCount} frames · {video.width}×{video.height} · engine {run.engine} · {formatRate(run.framesPerSecond)} · video AUC{' '}
          {formatMetric(frameScores.auc)} % · <Link href={`/jobs/${run.job.id}`}>inference job</Link> ·{' '}
          <a href={sameOriginUrl(run.scoresCsvUrl)} download>
            scores as CSV
          </a>
        </p>
      </div>
      <label>
        Protocol
        <select value={protocol} onChange={(event) => onProtocol(event.target.value)}>
          {protocols.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
    </div>
  );
}
