import { combineSeeds, createRandom, deriveSeed, SeededRandom, shuffleInPlace } from './seeded-random';

describe('seeded random', () => {
  it('repeats the same sequence for the same seed and differs for another seed', () => {
    const a = Array.from({ length: 5 }, createRandom(7).next);
    const r = createRandom(7);
    expect(Array.from({ length: 5 }, r.next)).toEqual(a);
    const s = createRandom(8);
    expect(Array.from({ length: 5 }, s.next)).not.toEqual(a);
  });

  it('draws uniform values: bucket counts within 10% of the expectation', () => {
    const r = createRandom(1);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 20000; i++) buckets[r.int(0, 10)]++;
    for (const count of buckets) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });

  it('shuffles into a permutation that depends on the seed', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const once = shuffleInPlace([...items], createRandom(3));
    expect([...once].sort((x, y) => x - y)).toEqual(items);
    expect(once).not.toEqual(items);
    expect(shuffleInPlace([...items], createRandom(3))).toEqual(once);
  });

  it('derives distinct seeds from distinct parts', () => {
    expect(combineSeeds(1, 2, 3)).toBe(combineSeeds(1, 2, 3));
    expect(combineSeeds(1, 2, 3)).not.toBe(combineSeeds(1, 3, 2));
  });
});

describe('SeededRandom', () => {
  it('repeats its sequence from the same seed or state, and differs across seeds', () => {
    const a = SeededRandom.fromSeed(1);
    const first = Array.from({ length: 5 }, () => a.nextUint32());
    const b = SeededRandom.fromSeed(1);
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(first);
    const state = b.getState();
    const next = b.nextFloat();
    expect(SeededRandom.fromState(state).nextFloat()).toBe(next);
    const c = SeededRandom.fromSeed(2);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(first);
  });

  it('draws uniform floats in [0, 1) with the right mean, and truncated normals within ±2σ', () => {
    const rng = SeededRandom.fromSeed(3);
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < 20000; i++) {
      const u = rng.nextFloat();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      sum += u;
      const z = rng.nextTruncatedNormal(0.5);
      expect(Math.abs(z)).toBeLessThanOrEqual(1);
      sumSquares += z * z;
    }
    expect(sum / 20000).toBeCloseTo(0.5, 1);
    // Variance of a normal truncated at ±2σ is 0.774σ².
    expect(sumSquares / 20000).toBeCloseTo(0.774 * 0.25, 1);
  });

  it('permutes without repeats', () => {
    const p = Array.from(SeededRandom.fromSeed(4).permutation(50));
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(p).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('derives distinct seeds per purpose', () => {
    const seeds = [deriveSeed(1, 'masks'), deriveSeed(1, 'init'), deriveSeed(2, 'masks'), deriveSeed(1, 'data', 1), deriveSeed(1, 'data', 2)];
    expect(new Set(seeds).size).toBe(5);
    expect(deriveSeed(1, 'masks')).toBe(deriveSeed(1, 'masks'));
  });

  it('rejects a malformed state', () => {
    expect(() => SeededRandom.fromState([1, 2, 3, -1])).toThrow(RangeError);
  });
});
