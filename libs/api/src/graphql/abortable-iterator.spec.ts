import { setTimeout as sleep } from 'node:timers/promises';
import { abortableIterator } from './abortable-iterator';

/** Polls for ever and never yields, like a subscription that has nothing to report. */
async function* quietPoller(polls: { count: number }, signal: AbortSignal): AsyncGenerator<number> {
  while (!signal.aborted) {
    polls.count++;
    try {
      await sleep(5, undefined, { signal });
    } catch {
      return;
    }
  }
  yield -1;
}

describe('abortableIterator', () => {
  it('stops a source that is waiting and has not yielded, where a plain generator would poll on', async () => {
    const plain = { count: 0 };
    const stoppable = { count: 0 };
    // the plain generator gets a signal only to end the test; its return() cannot stop it
    const endOfTest = new AbortController();
    const generator = quietPoller(plain, endOfTest.signal);
    const iterator = abortableIterator((signal) => quietPoller(stoppable, signal));
    const pendingPlain = generator.next();
    const pendingStoppable = iterator.next();
    await sleep(30);
    const plainReturned = generator.return(undefined);
    await expect(iterator.return?.()).resolves.toEqual({ done: true, value: undefined });
    await expect(pendingStoppable).resolves.toEqual({ done: true, value: undefined });
    const [plainBefore, stoppableBefore] = [plain.count, stoppable.count];
    await sleep(30);
    expect(stoppable.count).toBe(stoppableBefore);
    expect(plain.count).toBeGreaterThan(plainBefore);
    endOfTest.abort();
    await Promise.all([pendingPlain, plainReturned]);
  });

  it('passes values through until then', async () => {
    const iterator = abortableIterator(async function* () {
      yield 1;
      yield 2;
    });
    const seen: number[] = [];
    for await (const value of iterator) seen.push(value);
    expect(seen).toEqual([1, 2]);
  });
});
