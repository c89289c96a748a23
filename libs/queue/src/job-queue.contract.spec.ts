// The behaviour every queue driver must have, run against each driver available here: the in-process
// driver always, BullMQ when TEST_REDIS_URL names a Redis server (CI sets it).
import { randomUUID } from 'node:crypto';
import { BullmqQueueDriver } from './bullmq-queue.driver';
import { InProcessQueueDriver } from './in-process-queue.driver';
import type { JobQueueDriver, QueueMessage } from './job-queue.driver';

const drivers: [string, () => JobQueueDriver][] = [['in-process', () => new InProcessQueueDriver()]];
const redisUrl = process.env.TEST_REDIS_URL;
if (redisUrl) {
  drivers.push([
    'bullmq',
    // a fresh prefix per driver keeps test runs and tests apart on a shared Redis
    () => new BullmqQueueDriver({ url: redisUrl, prefix: `vad-test-${randomUUID()}`, stalledIntervalMs: 500, lockDurationMs: 1000 }),
  ]);
}

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

const eventually = async (check: () => boolean, timeoutMs = 5000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe.each(drivers)('%s queue driver', (_name, createDriver) => {
  let queue: JobQueueDriver;
  beforeEach(() => (queue = createDriver()));
  afterEach(() => queue.close());

  it('answers a ping', async () => {
    await expect(queue.ping()).resolves.toBeUndefined();
  });

  it('delivers messages in order, one at a time at concurrency 1', async () => {
    const events: string[] = [];
    const gates = [deferred(), deferred()];
    queue.consume(
      async (message) => {
        events.push(`start ${message.jobId}`);
        await gates[Number(message.jobId.slice(-1))].promise;
        events.push(`end ${message.jobId}`);
      },
      { kinds: ['TRAIN'], concurrency: 1 },
    );
    await queue.enqueue({ jobId: 'job-0', kind: 'TRAIN' });
    await queue.enqueue({ jobId: 'job-1', kind: 'TRAIN' });
    await eventually(() => events.length === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toEqual(['start job-0']);
    gates[0].resolve();
    gates[1].resolve();
    await eventually(() => events.length === 4);
    await queue.whenIdle();
    expect(events).toEqual(['start job-0', 'end job-0', 'start job-1', 'end job-1']);
  });

  it('gives each consumer only the kinds it declared', async () => {
    const seen: Record<string, string[]> = { gpu: [], cpu: [] };
    const record = (who: string) => async (m: QueueMessage) => void seen[who].push(m.jobId);
    queue.consume(record('gpu'), { kinds: ['TRAIN'], concurrency: 1 });
    queue.consume(record('cpu'), { kinds: ['EVALUATE', 'IMPORT'], concurrency: 2 });
    await queue.enqueue({ jobId: 'e', kind: 'EVALUATE' });
    await queue.enqueue({ jobId: 't', kind: 'TRAIN' });
    await queue.enqueue({ jobId: 'i', kind: 'IMPORT' });
    await eventually(() => seen.gpu.length + seen.cpu.length === 3);
    expect({ gpu: seen.gpu, cpu: [...seen.cpu].sort() }).toEqual({ gpu: ['t'], cpu: ['e', 'i'] });
  });

  it('keeps going after a handler fails', async () => {
    const done: string[] = [];
    queue.consume(
      async (m) => {
        if (m.jobId === 'bad') throw new Error('boom');
        done.push(m.jobId);
      },
      { kinds: ['INFER'], concurrency: 1 },
    );
    await queue.enqueue({ jobId: 'bad', kind: 'INFER' });
    await queue.enqueue({ jobId: 'good', kind: 'INFER' });
    await eventually(() => done.length === 1);
    expect(done).toEqual(['good']);
  });

  it('aborts running handlers on close', async () => {
    let aborted = false;
    let started = false;
    queue.consume(
      (_m, signal) =>
        new Promise<void>((resolve) => {
          started = true;
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve();
          });
        }),
      { kinds: ['TRAIN'], concurrency: 1 },
    );
    await queue.enqueue({ jobId: 'long', kind: 'TRAIN' });
    await eventually(() => started);
    await queue.close();
    expect(aborted).toBe(true);
  });
});
