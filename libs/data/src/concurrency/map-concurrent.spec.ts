import { mapConcurrent } from './map-concurrent';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('mapConcurrent', () => {
  it('keeps results in input order with at most `limit` tasks in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapConcurrent([30, 10, 20, 5], 2, async (ms, i) => {
      peak = Math.max(peak, ++inFlight);
      await delay(ms);
      inFlight--;
      return i * 10;
    });
    expect(out).toEqual([0, 10, 20, 30]);
    expect(peak).toBe(2);
  });

  it('rethrows the first error only after the tasks in flight have finished', async () => {
    const finished: number[] = [];
    const run = mapConcurrent([1, 2, 3], 2, async (n) => {
      if (n === 1) throw new Error('first fails');
      await delay(20);
      finished.push(n);
      return n;
    });
    await expect(run).rejects.toThrow('first fails');
    expect(finished).toEqual([2]);
  });
});
