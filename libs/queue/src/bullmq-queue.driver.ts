// Team mode: a Redis-backed queue (BullMQ) shared by one API and any number of workers on other machines.
// One BullMQ queue per job kind, so a worker subscribes only to the kinds it can run. BullMQ holds a lock
// per running job that the worker renews; a killed worker's job is found stalled and delivered again.
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import IORedis from 'ioredis';
import type { ConsumeOptions, JobKindName, JobQueueDriver, QueueHandler, QueueMessage } from './job-queue.driver';

export interface BullmqQueueOptions {
  url: string;
  /** Separates installations (and test runs) sharing one Redis. */
  prefix?: string;
  /** How long a job's lock lasts without renewal: a dead worker's job is re-delivered after about this long. */
  lockDurationMs?: number;
  /** How often workers look for stalled jobs. */
  stalledIntervalMs?: number;
}

export class BullmqQueueDriver implements JobQueueDriver {
  readonly name = 'bullmq';
  private readonly connection: IORedis;
  private readonly queues = new Map<JobKindName, Queue>();
  private readonly workers: Worker[] = [];
  /** BullMQ leaves connections it was given open; this driver closes its own. */
  private readonly workerConnections: IORedis[] = [];
  private readonly shutdown = new AbortController();

  constructor(private readonly options: BullmqQueueOptions) {
    // maxRetriesPerRequest null: BullMQ's blocking commands must wait through Redis restarts, not fail.
    this.connection = new IORedis(options.url, { maxRetriesPerRequest: null, lazyConnect: true });
    this.connection.on('error', () => undefined); // reconnects by itself; ping() reports the state
  }

  private queueName(kind: JobKindName): string {
    return `vad-${kind.toLowerCase()}`;
  }

  private queue(kind: JobKindName): Queue {
    let queue = this.queues.get(kind);
    if (!queue) {
      queue = new Queue(this.queueName(kind), { connection: this.connection as ConnectionOptions, prefix: this.options.prefix });
      this.queues.set(kind, queue);
    }
    return queue;
  }

  async enqueue(message: QueueMessage): Promise<void> {
    // The job id doubles as BullMQ's id: enqueueing the same job twice while it waits is a no-op.
    await this.queue(message.kind).add('run', message, { jobId: message.jobId, removeOnComplete: true, removeOnFail: 1000 });
  }

  consume(handler: QueueHandler, options: ConsumeOptions): void {
    for (const kind of options.kinds) {
      const connection = this.connection.duplicate();
      this.workerConnections.push(connection);
      const worker = new Worker(this.queueName(kind), async (job) => handler(job.data as QueueMessage, this.shutdown.signal), {
        connection: connection as ConnectionOptions,
        prefix: this.options.prefix,
        concurrency: options.concurrency,
        lockDuration: this.options.lockDurationMs ?? 30_000,
        stalledInterval: this.options.stalledIntervalMs ?? 30_000,
        maxStalledCount: 3,
      });
      worker.on('error', () => undefined); // connection errors: the worker reconnects by itself
      this.workers.push(worker);
    }
  }

  /** Rejects when Redis does not answer within a couple of seconds (commands otherwise wait for a reconnect). */
  async ping(timeoutMs = 2000): Promise<void> {
    if (this.connection.status === 'wait') await this.connection.connect().catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeoutMs} ms (${this.connection.status})`)), timeoutMs);
    });
    try {
      await Promise.race([this.connection.ping(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Resolves once every queue of this driver has nothing waiting, delayed or running. */
  async whenIdle(pollMs = 20): Promise<void> {
    for (;;) {
      const counts = await Promise.all([...this.queues.values()].map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'prioritized')));
      if (counts.every((c) => Object.values(c).every((n) => n === 0))) return;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  async close(): Promise<void> {
    this.shutdown.abort();
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    for (const connection of [...this.workerConnections, this.connection]) connection.disconnect();
  }
}
