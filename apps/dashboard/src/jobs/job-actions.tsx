// Cancel and retry buttons for one job; each reports its outcome through onChanged.
'use client';
import { InlineError } from '../feedback/error-state';
import { useMutation } from '../graphql/use-mutation';
import { canCancel, canRetry, type JobSummary } from './job-list-state';
import { CancelJobMutation, RetryJobMutation } from './jobs.operations';

export function JobActions({ job, onChanged }: { job: JobSummary; onChanged(job: JobSummary): void }) {
  const cancel = useMutation(CancelJobMutation);
  const retry = useMutation(RetryJobMutation);
  const label = `${job.kind.toLowerCase()} job ${job.id.slice(0, 8)}`;
  return (
    <span className="row" style={{ gap: '0.35rem', flexWrap: 'nowrap' }}>
      {canCancel(job) && (
        <button
          type="button"
          className="danger"
          disabled={cancel.running}
          aria-label={`Cancel ${label}`}
          onClick={async () => {
            const result = await cancel.mutate({ id: job.id });
            if (result) onChanged(result.cancelJob);
          }}
        >
          Cancel
        </button>
      )}
      {job.cancelRequested && !canRetry(job) && job.status === 'RUNNING' && <span className="muted small">cancelling…</span>}
      {canRetry(job) && (
        <button
          type="button"
          className="secondary"
          disabled={retry.running}
          aria-label={`Retry ${label}`}
          onClick={async () => {
            const result = await retry.mutate({ id: job.id });
            if (result) onChanged(result.retryJob);
          }}
        >
          Retry
        </button>
      )}
      <InlineError error={cancel.error ?? retry.error} />
    </span>
  );
}
