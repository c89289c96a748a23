import { InProcessQueueDriver } from './in-process-queue.driver';
import type { QueueMessage } from './job-queue.driver';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('InProcessQueueDriver', () => {
  it('delivers messages in order, one at a time at concurrency 1', async () => {
    const queue = new InProcessQueueDriver();
    const events: string[] = [];
    const gates = [deferred(), deferred()];
    queue.consume(
      async (message) => {
        events.push(`start ${message.jobId}`);
        await gates[Number(message.jobId)].promise;
        events.push(`end ${message.jobId}`);
      },
      { kinds: ['TRAIN'], concurrency: 1 },
    );
    await queue.enqueue({ jobId: '0', kind: 'TRAIN' });
    await queue.enqueue({ jobId: '1', kind: 'TRAIN' });
    expect(events).toEqual(['start 0']);
    gates[0].resolve();
    gates[1].resolve();
    await queue.whenIdle();
    expect(events).toEqual(['start 0', 'end 0', 'start 1', 'end 1']);
  });

  it('gives each consumer only the kinds it declared', async () => {
    const queue = new InProcessQueueDriver();
    const seen: Record<string, string[]> = { gpu: [], cpu: [] };
    const record = (who: string) => async (m: QueueMessage) => void seen[who].push(m.jobId);
    queue.consume(record('gpu'), { kinds: ['TRAIN'], concurrency: 1 });
    queue.consume(record('cpu'), { kinds: ['EVALUATE', 'IMPORT'], concurrency: 2 });
    await queue.enqueue({ jobId: 'e', kind: 'EVALUATE' });
    await queue.enqueue({ jobId: 't', kind: 'TRAIN' });
    await queue.enqueue({ jobId: 'i', kind: 'IMPORT' });
    await queue.whenIdle();
    expect(seen).toEqual({ gpu: ['t'], cpu: ['e', 'i'] });
  });

  it('keeps going after a handler fails', async () => {
    const queue = new InProcessQueueDriver();
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
    await queue.whenIdle();
    expect(done).toEqual(['good']);
  });

  it('aborts running handlers on close and refuses new messages', async () => {
    const queue = new InProcessQueueDriver();
    let aborted = false;
    queue.consume(
      (_m, signal) =>
        new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve();
          }),
        ),
      { kinds: ['TRAIN'], concurrency: 1 },
    );
    await queue.enqueue({ jobId: 'long', kind: 'TRAIN' });
    await queue.close();
    expect(aborted).toBe(true);
    await expect(queue.enqueue({ jobId: 'late', kind: 'TRAIN' })).rejects.toThrow('closed');
  });
});
