import { createRandom, deriveSeed, shuffleInPlace } from './seeded-random';

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
    expect(deriveSeed(1, 2, 3)).toBe(deriveSeed(1, 2, 3));
    expect(deriveSeed(1, 2, 3)).not.toBe(deriveSeed(1, 3, 2));
  });
});
