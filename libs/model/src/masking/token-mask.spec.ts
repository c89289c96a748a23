import { SeededRandom } from '@vad/data/random';
import { randomTokenMask } from './token-mask';

describe('randomTokenMask', () => {
  const make = (seed: number, sorted = true) => {
    const rng = SeededRandom.fromSeed(seed);
    return randomTokenMask({ batch: 3, tokens: 10, visible: 4, randomFor: () => rng, sorted });
  };

  it('keeps v distinct tokens per sample and masks the rest', () => {
    const mask = make(1);
    for (let b = 0; b < 3; b++) {
      const visible = Array.from(mask.visibleIndex.subarray(b * 4, b * 4 + 4));
      expect(new Set(visible).size).toBe(4);
      expect(visible).toEqual([...visible].sort((x, y) => x - y));
      const masked = Array.from(mask.masked.subarray(b * 10, b * 10 + 10));
      expect(masked.filter((m) => m === 1)).toHaveLength(6);
      for (const v of visible) expect(masked[v]).toBe(0);
    }
  });

  it('restores raster order from [visible; masked]', () => {
    const mask = make(2, false);
    for (let b = 0; b < 3; b++) {
      const restore = Array.from(mask.restoreIndex.subarray(b * 10, b * 10 + 10));
      expect([...restore].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      for (let j = 0; j < 4; j++) expect(restore[mask.visibleIndex[b * 4 + j]]).toBe(j);
      for (let i = 0; i < 10; i++) expect(restore[i] >= 4).toBe(mask.masked[b * 10 + i] === 1);
    }
  });

  it('is reproducible from its seed', () => {
    expect(make(3)).toEqual(make(3));
    expect(make(3).visibleIndex).not.toEqual(make(4).visibleIndex);
  });
});
