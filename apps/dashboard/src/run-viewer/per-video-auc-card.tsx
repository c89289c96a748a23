// The run viewer's per-video AUCs: from the latest evaluation of the model version's inference under the protocol.
import Link from 'next/link';
import { EmptyState } from '../feedback/empty-state';
import { ErrorState } from '../feedback/error-state';
import { LoadingState } from '../feedback/loading-state';
import { formatMetric } from '../format/format-metric';
import type { RunSiblingsQuery as RunSiblingsData } from '../graphql/generated/graphql';
import { PerVideoAucTable } from './per-video-auc-table';

type Evaluation = RunSiblingsData['evaluations'][number];

interface PerVideoAucCardProps {
  siblings: { data?: RunSiblingsData; loading: boolean; error?: unknown; refetch(): void };
  evaluation: Evaluation | undefined;
  runByVideo: ReadonlyMap<string, string>;
  videoName: string;
  inferenceJobId: string;
}

export function PerVideoAucCard({ siblings, evaluation, runByVideo, videoName, inferenceJobId }: PerVideoAucCardProps) {
  return (
    <div className="card">
      <h2>Per-video AUC</h2>
      {siblings.loading && <LoadingState label="evaluation" />}
      {siblings.error !== undefined && <ErrorState error={siblings.error} onRetry={siblings.refetch} />}
      {siblings.data && !evaluation && (
        <EmptyState
          title="Not evaluated under this protocol"
          action={
            <Link className="button secondary" href={`/jobs/new?kind=evaluate&inferenceJobId=${inferenceJobId}`}>
              Evaluate this inference job
            </Link>
          }
        >
          Per-video AUCs come from an evaluation of the model version’s inference job.
        </EmptyState>
      )}
      {evaluation && (
        <>
          <p className="small muted">
            Micro {formatMetric(evaluation.microAuc)} % · macro {formatMetric(evaluation.macroAuc)} % · EER {formatMetric(evaluation.eer)} %
            {evaluation.videosSkipped ? ` · ${evaluation.videosSkipped} single-class videos skipped` : ''}
          </p>
          <PerVideoAucTable rows={evaluation.perVideoAuc} runByVideo={runByVideo} currentVideo={videoName} />
        </>
      )}
    </div>
  );
}
