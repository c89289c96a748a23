// Job updates for subscriptions, read from the job rows (updatedAt), so they reach the API whichever
// process or machine ran the job — the in-process worker or a BullMQ worker elsewhere.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database, Store } from '@vad/db';

export interface JobUpdatesOptions {
  teamId: string;
  jobId?: string;
  pollMs?: number;
}

/** Polls until `signal` aborts; the wait between polls ends at once then (see abortable-iterator.ts). */
export async function* jobUpdates(database: Database, options: JobUpdatesOptions, signal?: AbortSignal): AsyncGenerator<Store.Job> {
  let since = new Date(Date.now() - 1000);
  const seen = new Map<string, number>();
  while (!signal?.aborted) {
    const changed = await database.prisma.job.findMany({
      where: { teamId: options.teamId, ...(options.jobId ? { id: options.jobId } : {}), updatedAt: { gte: since } },
      orderBy: { updatedAt: 'asc' },
      take: 200,
    });
    for (const job of changed) {
      const stamp = job.updatedAt.getTime();
      if (seen.get(job.id) === stamp) continue;
      seen.set(job.id, stamp);
      since = job.updatedAt;
      yield job;
    }
    try {
      await sleep(options.pollMs ?? 400, undefined, { signal });
    } catch {
      return; // aborted: the subscriber has gone
    }
  }
}
