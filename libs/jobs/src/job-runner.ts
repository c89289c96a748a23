// Runs queued jobs: claims the row (QUEUED, or RUNNING with a stale heartbeat: its worker died), keeps a
// heartbeat, calls the handler for its kind, and records the outcome. The row is the truth; the queue
// message only says "look at job X". Cancellation is a flag on the row that the heartbeat notices.
import { Store, type Database } from '@vad/db';
import type { JobKindName, JobQueueDriver, QueueMessage } from '@vad/queue';
import type { ArtifactStorage } from '@vad/storage';
import type { JobExecution, JobHandlers } from './job-handler';
import type { WorkerDescription } from './worker-description';
import { publicErrorMessage } from './public-error-message';

export interface JobRunnerOptions {
  database: Database;
  queue: JobQueueDriver;
  storage: ArtifactStorage;
  handlers: JobHandlers;
  workerId: string;
  concurrency?: number;
  heartbeatMs?: number;
  /** A RUNNING job whose heartbeat is older than this is taken to be orphaned by a dead worker. */
  staleAfterMs?: number;
  /** How often queued and orphaned jobs are (re)offered to the queue. */
  sweepMs?: number;
  /** What this worker computes on, recorded (and refreshed at each sweep) for the dashboard's suggestions. */
  describe?: () => Promise<WorkerDescription>;
}

export interface JobRunner {
  readonly kinds: JobKindName[];
  /** Offers queued and orphaned jobs to the queue now (also done periodically). */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

const CANCELLED = 'cancelled by request';

export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const { database, queue, handlers, workerId } = options;
  const kinds = Object.keys(handlers) as JobKindName[];
  const prisma = database.prisma;
  const staleAfterMs = options.staleAfterMs ?? 60_000;

  const run = async (message: QueueMessage, shutdown: AbortSignal) => {
    const staleBefore = new Date(Date.now() - staleAfterMs);
    const [job] = await prisma.job.updateManyAndReturn({
      where: {
        id: message.jobId,
        cancelRequested: false,
        OR: [{ status: 'QUEUED' }, { status: 'RUNNING', heartbeatAt: { lt: staleBefore } }],
      },
      // progress belongs to an attempt: a retried job shows none until its new attempt reports
      data: {
        status: 'RUNNING',
        attempt: { increment: 1 },
        workerId,
        startedAt: new Date(),
        heartbeatAt: new Date(),
        error: null,
        progress: Store.Prisma.DbNull,
      },
    });
    if (!job) return; // cancelled, finished, or alive on another worker
    const handler = handlers[job.kind];
    const cancel = new AbortController();
    const signal = AbortSignal.any([shutdown, cancel.signal]);
    const heartbeat = setInterval(async () => {
      try {
        const row = await prisma.job.update({ where: { id: job.id }, data: { heartbeatAt: new Date() }, select: { cancelRequested: true } });
        if (row.cancelRequested) cancel.abort(new Error(CANCELLED));
      } catch {
        // the database is unreachable for a moment: the next beat tries again
      }
    }, options.heartbeatMs ?? 5000);
    const execution: JobExecution = {
      jobId: job.id,
      teamId: job.teamId,
      queuedById: job.queuedById,
      attempt: job.attempt,
      parameters: job.parameters,
      database,
      storage: options.storage,
      signal,
      log: async (text) => {
        await prisma.jobLog.create({ data: { jobId: job.id, attempt: job.attempt, level: 'info', message: text } });
      },
      reportProgress: async (progress) => {
        await prisma.job.update({ where: { id: job.id }, data: { progress: { ...progress }, heartbeatAt: new Date() } });
      },
      recordLoss: async (point) => {
        if (!Number.isFinite(point.loss)) return;
        await prisma.lossPoint.create({ data: { jobId: job.id, attempt: job.attempt, ...point } });
      },
      recordEpoch: async (result) => {
        const key = { jobId: job.id, attempt: job.attempt, epoch: result.epoch };
        await prisma.epochResult.upsert({ where: { jobId_attempt_epoch: key }, create: { ...key, ...result }, update: result });
      },
    };
    try {
      if (!handler) throw new Error(`worker ${workerId} has no handler for ${job.kind} jobs`);
      const result = await handler(execution);
      signal.throwIfAborted();
      await prisma.job.update({
        where: { id: job.id },
        data: { status: 'SUCCEEDED', finishedAt: new Date(), result: (result ?? null) as object },
      });
    } catch (error) {
      if (cancel.signal.aborted) {
        await prisma.job.update({ where: { id: job.id }, data: { status: 'CANCELLED', finishedAt: new Date(), error: CANCELLED } });
      } else if (shutdown.aborted) {
        // graceful shutdown: back to the queue; the next worker resumes from the last checkpoint
        await prisma.job.update({ where: { id: job.id }, data: { status: 'QUEUED', workerId: null, heartbeatAt: null } });
      } else {
        const retry = job.attempt < job.maxAttempts && isTransient(error);
        const message = publicErrorMessage((error as Error).message, options.storage);
        await prisma.job.update({
          where: { id: job.id },
          data: retry ? { status: 'QUEUED', error: message, workerId: null } : { status: 'FAILED', finishedAt: new Date(), error: message },
        });
        if (retry) setTimeout(() => void queue.enqueue({ jobId: job.id, kind: job.kind }).catch(() => undefined), backoffMs(job.attempt));
      }
    } finally {
      clearInterval(heartbeat);
    }
  };

  const sweep = async (): Promise<number> => {
    const staleBefore = new Date(Date.now() - staleAfterMs);
    const waiting = await prisma.job.findMany({
      where: {
        kind: { in: kinds },
        cancelRequested: false,
        OR: [{ status: 'QUEUED' }, { status: 'RUNNING', heartbeatAt: { lt: staleBefore } }],
      },
      orderBy: { createdAt: 'asc' },
      take: 500,
    });
    for (const job of waiting) await queue.enqueue({ jobId: job.id, kind: job.kind });
    return waiting.length;
  };

  const sweepMs = options.sweepMs ?? 30_000;
  const description = options.describe?.().catch(() => null);
  // alive for three sweeps past each refresh: one missed refresh does not make it vanish
  const announce = async () => {
    const described = await description;
    if (!described) return;
    const aliveUntil = new Date(Date.now() + 3 * sweepMs);
    await prisma.worker.upsert({
      where: { id: workerId },
      create: { id: workerId, ...described, kinds, aliveUntil },
      update: { ...described, kinds, aliveUntil },
    });
  };
  queue.consume(run, { kinds, concurrency: options.concurrency ?? 1 });
  await sweep();
  // the description may load a tfjs backend: the runner takes jobs meanwhile, and the record follows
  const firstAnnouncement = announce().catch(() => undefined);
  const sweeper = setInterval(() => void Promise.all([sweep(), announce()]).catch(() => undefined), sweepMs);
  return {
    kinds,
    sweep,
    stop: async () => {
      clearInterval(sweeper);
      await queue.close();
      if (description) {
        await firstAnnouncement;
        await prisma.worker.deleteMany({ where: { id: workerId } }).catch(() => undefined);
      }
    },
  };
}

/** Errors worth another attempt: lost connections and the like, not bad input. */
function isTransient(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'P1001', 'P1017', 'P2024'].includes(code);
}

function backoffMs(attempt: number): number {
  return Math.min(60_000, 1000 * 2 ** attempt);
}
