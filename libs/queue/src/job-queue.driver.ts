// The job queue as workers and the API see it. The database's Job row is the truth about a job;
// the queue only carries "job X is ready to run" to a worker that can run its kind.

export type JobKindName = 'IMPORT' | 'TRAIN' | 'INFER' | 'EVALUATE';

export interface QueueMessage {
  jobId: string;
  kind: JobKindName;
}

/** Runs one job; rejects to fail the attempt. The signal aborts when the job must stop (cancel, shutdown). */
export type QueueHandler = (message: QueueMessage, signal: AbortSignal) => Promise<void>;

export interface ConsumeOptions {
  /** Kinds this worker can run (a CPU-only worker may leave out TRAIN, say). */
  kinds: JobKindName[];
  concurrency: number;
}

export interface JobQueueDriver {
  readonly name: 'in-process' | 'bullmq';
  enqueue(message: QueueMessage): Promise<void>;
  /** Starts delivering messages of the given kinds to handler. */
  consume(handler: QueueHandler, options: ConsumeOptions): void;
  /** Resolves when the queue's backing service answers. */
  ping(): Promise<void>;
  /** Resolves once nothing is waiting or running (tests, and draining before shutdown). */
  whenIdle(): Promise<void>;
  /** Stops taking messages, aborts running handlers and waits for them to settle. */
  close(): Promise<void>;
}
