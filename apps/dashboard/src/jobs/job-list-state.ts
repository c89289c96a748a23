// The live job list: updates from the subscription merged into the list the query returned, newest first,
// and which actions a job allows in its state.
import type { JobStatus, JobSummaryFragment } from '../graphql/generated/graphql';

export type JobSummary = JobSummaryFragment;

export const FINAL_STATUSES: ReadonlySet<JobStatus> = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/** Replaces the job with the same id (keeping fields the update does not carry) or adds it in date order. */
export function mergeJobUpdate<J extends { id: string; createdAt: string }>(jobs: readonly J[], update: J): J[] {
  const index = jobs.findIndex((job) => job.id === update.id);
  if (index >= 0) {
    const next = [...jobs];
    next[index] = { ...jobs[index], ...update };
    return next;
  }
  return [...jobs, update].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export type JobView = 'all' | 'active' | 'finished';

export type JobKindFilter = 'ALL' | JobSummary['kind'];

export function jobInView(job: Pick<JobSummary, 'status' | 'kind'>, view: JobView, kind: JobKindFilter = 'ALL'): boolean {
  if (kind !== 'ALL' && job.kind !== kind) return false;
  switch (view) {
    case 'all':
      return true;
    case 'active':
      return !FINAL_STATUSES.has(job.status);
    case 'finished':
      return FINAL_STATUSES.has(job.status);
  }
}

/** Seconds the current attempt has run: until it finished, or until `now` while it runs; null before it starts. */
export function jobDurationSeconds(job: Pick<JobSummary, 'status' | 'startedAt' | 'finishedAt'>, now: number): number | null {
  if (!job.startedAt || job.status === 'QUEUED') return null;
  const end = job.finishedAt ? Date.parse(job.finishedAt) : FINAL_STATUSES.has(job.status) ? null : now;
  return end === null ? null : Math.max(0, (end - Date.parse(job.startedAt)) / 1000);
}

export const canCancel = (job: Pick<JobSummary, 'status' | 'cancelRequested'>) => !FINAL_STATUSES.has(job.status) && !job.cancelRequested;

export const canRetry = (job: Pick<JobSummary, 'status'>) => job.status === 'FAILED' || job.status === 'CANCELLED';

/** A one-line account of where a running job is: stage, epoch, step. */
export function progressText(progress: JobSummary['progress']): string {
  if (!progress) return '';
  const parts: string[] = [];
  if (progress.stage) parts.push(progress.stage);
  if (progress.epoch != null && progress.epochs != null) parts.push(`epoch ${progress.epoch}/${progress.epochs}`);
  if (progress.step != null && progress.steps != null) parts.push(`step ${progress.step}/${progress.steps}`);
  return parts.join(' · ');
}
