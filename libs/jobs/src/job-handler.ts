// A job handler runs one kind of job. Handlers for import, training, inference and evaluation plug in
// here; the runner owns the job row's life cycle around them.
import type { Database } from '@vad/db';
import type { JobKindName } from '@vad/queue';
import type { ArtifactStorage } from '@vad/storage';

export interface JobProgressReport {
  stage?: string;
  epoch?: number;
  epochs?: number;
  step?: number;
  steps?: number;
  loss?: number;
  framesPerSecond?: number;
  etaSeconds?: number | null;
  /** 0..1 of the whole job. */
  fraction?: number;
}

export type TrainingStageName = 'teacher' | 'student';

export interface LossPointReport {
  stage: TrainingStageName;
  epoch: number;
  step: number;
  globalStep: number;
  loss: number;
}

export interface EpochResultReport {
  stage: TrainingStageName;
  epoch: number;
  loss: number;
  validationLoss: number | null;
  seconds: number;
}

export interface JobExecution {
  jobId: string;
  teamId: string;
  queuedById: string | null;
  attempt: number;
  parameters: unknown;
  database: Database;
  storage: ArtifactStorage;
  /** Aborts on cancellation or shutdown: handlers stop at the next step. */
  signal: AbortSignal;
  log(message: string): Promise<void>;
  /** Stores the latest progress of this attempt. */
  reportProgress(progress: JobProgressReport): Promise<void>;
  /** Adds a point to this attempt's loss curve (training jobs). */
  recordLoss(point: LossPointReport): Promise<void>;
  /** Records a finished training epoch (replaces this attempt's record of the same epoch). */
  recordEpoch(result: EpochResultReport): Promise<void>;
}

/** Resolves with the job's result (stored as JSON on the row). */
export type JobHandler = (execution: JobExecution) => Promise<unknown>;

export type JobHandlers = Partial<Record<JobKindName, JobHandler>>;
