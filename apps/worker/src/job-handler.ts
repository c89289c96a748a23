// A job handler runs one kind of job. Handlers for import, training, inference and evaluation
// plug in here; the runner owns the job row's life cycle around them.
import type { Database } from '@vad/db';
import type { JobKindName } from '@vad/queue';

export interface JobExecution {
  jobId: string;
  attempt: number;
  parameters: unknown;
  database: Database;
  /** Aborts on cancellation or shutdown: handlers stop at the next step. */
  signal: AbortSignal;
  log(message: string): Promise<void>;
  reportProgress(progress: Record<string, number | string>): Promise<void>;
}

/** Resolves with the job's result (stored as JSON on the row). */
export type JobHandler = (execution: JobExecution) => Promise<unknown>;

export type JobHandlers = Partial<Record<JobKindName, JobHandler>>;
