// Job updates for subscriptions, read from the job rows (updatedAt), so they reach the API whichever
// process or machine ran the job — the in-process worker or a BullMQ worker elsewhere. One poll serves
// every subscriber of this API process: the database sees the same query every interval whether one
// subscription is open or thousands, and none while there are none.
import type { Database, Store } from '@vad/db';

export interface JobUpdateFilter {
  teamId: string;
  /** One job, or every job of the team when undefined. */
  jobId?: string;
}

type Listener = (job: Store.Job) => void;

/** Rows read per poll; more updates are read at the next poll, from where this one stopped. */
const PAGE = 500;

export class JobUpdateHub {
  private readonly listeners = new Map<Listener, JobUpdateFilter>();
  private since = new Date();
  /** updatedAt of the rows already announced at `since`'s instant, so that `gte` repeats nothing. */
  private announcedAtSince = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(
    private readonly database: Database,
    readonly pollMs = 400,
  ) {}

  /** Calls `listener` with each update that matches `filter` from now on; returns the function that stops it. */
  listen(filter: JobUpdateFilter, listener: Listener): () => void {
    if (this.listeners.size === 0) {
      this.since = new Date(Date.now() - 1000);
      this.announcedAtSince.clear();
      this.timer = setInterval(() => void this.poll(), this.pollMs);
      this.timer.unref();
    }
    this.listeners.set(listener, filter);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /**
   * The matching updates from now on, until `signal` aborts. A subscriber that reads slower than jobs change
   * gets each job's latest state once, rather than an ever longer queue of states it has missed.
   */
  async *updates(filter: JobUpdateFilter, signal: AbortSignal): AsyncGenerator<Store.Job> {
    const pending = new Map<string, Store.Job>();
    let wake: (() => void) | undefined;
    const stop = this.listen(filter, (job) => {
      pending.set(job.id, job);
      wake?.();
    });
    const onAbort = () => wake?.();
    signal.addEventListener('abort', onAbort);
    try {
      while (!signal.aborted) {
        const next = pending.values().next();
        if (!next.done) {
          pending.delete(next.value.id);
          yield next.value;
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    } finally {
      stop();
      signal.removeEventListener('abort', onAbort);
    }
  }

  /** How many listeners are attached (for tests and metrics). */
  get size(): number {
    return this.listeners.size;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async poll(): Promise<void> {
    if (this.polling) return; // a slow store: skip a beat rather than pile up queries
    this.polling = true;
    try {
      const changed = await this.database.prisma.job.findMany({ where: { updatedAt: { gte: this.since } }, orderBy: { updatedAt: 'asc' }, take: PAGE });
      for (const job of changed) {
        const stamp = job.updatedAt.getTime();
        if (this.announcedAtSince.get(job.id) === stamp) continue;
        if (stamp > this.since.getTime()) {
          this.since = job.updatedAt;
          this.announcedAtSince = new Map();
        }
        this.announcedAtSince.set(job.id, stamp);
        for (const [listener, filter] of this.listeners) {
          if (filter.teamId === job.teamId && (filter.jobId === undefined || filter.jobId === job.id)) listener(job);
        }
      }
    } catch {
      // the store did not answer: the next poll tries again from the same point
    } finally {
      this.polling = false;
    }
  }
}
