// Runs queued jobs: marks the row RUNNING with a heartbeat, calls the handler for its kind, and records
// the outcome. The row is the truth; the queue message only says "look at job X".
import type { Database } from '@vad/db';
import type { JobKindName, JobQueueDriver, QueueMessage } from '@vad/queue';
import type { JobExecution, JobHandlers } from './job-handler';

export interface JobRunnerOptions {
  database: Database;
  queue: JobQueueDriver;
  handlers: JobHandlers;
  workerId: string;
  concurrency?: number;
  heartbeatMs?: number;
  /** A RUNNING job whose heartbeat is older than this is taken to be orphaned by a dead worker. */
  staleAfterMs?: number;
}

export interface JobRunner {
  readonly kinds: JobKindName[];
  stop(): Promise<void>;
}

export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const { database, queue, handlers, workerId } = options;
  const kinds = Object.keys(handlers) as JobKindName[];
  const prisma = database.prisma;

  const run = async (message: QueueMessage, signal: AbortSignal) => {
    const staleBefore = new Date(Date.now() - (options.staleAfterMs ?? 60_000));
    const claimed = await prisma.job.updateManyAndReturn({
      where: {
        id: message.jobId,
        OR: [{ status: 'QUEUED' }, { status: 'RUNNING', heartbeatAt: { lt: staleBefore } }],
      },
      data: { status: 'RUNNING', attempt: { increment: 1 }, workerId, startedAt: new Date(), heartbeatAt: new Date(), error: null },
    });
    if (claimed.length === 0) return; // cancelled, finished, or alive on another worker
    const job = claimed[0];
    const handler = handlers[job.kind];
    const heartbeat = setInterval(() => {
      prisma.job.update({ where: { id: job.id }, data: { heartbeatAt: new Date() } }).catch(() => undefined);
    }, options.heartbeatMs ?? 5000);
    const execution: JobExecution = {
      jobId: job.id,
      attempt: job.attempt,
      parameters: job.parameters,
      database,
      signal,
      log: async (text) => {
        await prisma.jobLog.create({ data: { jobId: job.id, attempt: job.attempt, level: 'info', message: text } });
      },
      reportProgress: async (progress) => {
        await prisma.job.update({ where: { id: job.id }, data: { progress, heartbeatAt: new Date() } });
      },
    };
    try {
      if (!handler) throw new Error(`worker ${workerId} has no handler for ${job.kind} jobs`);
      const result = await handler(execution);
      await prisma.job.update({
        where: { id: job.id },
        data: { status: 'SUCCEEDED', finishedAt: new Date(), result: (result ?? null) as object },
      });
    } catch (error) {
      await prisma.job.update({
        where: { id: job.id },
        data: { status: 'FAILED', finishedAt: new Date(), error: (error as Error).message },
      });
    } finally {
      clearInterval(heartbeat);
    }
  };

  queue.consume(run, { kinds, concurrency: options.concurrency ?? 1 });
  // The in-process queue forgets everything when the process stops; the rows remember.
  if (queue.name === 'in-process') {
    const waiting = await prisma.job.findMany({ where: { status: 'QUEUED', kind: { in: kinds } }, orderBy: { createdAt: 'asc' } });
    for (const job of waiting) await queue.enqueue({ jobId: job.id, kind: job.kind });
  }
  return { kinds, stop: () => queue.close() };
}
