import { sliceTokenMask, randomTokenMask } from '../../masking/token-mask';
import { SeededRandom } from '@vad/data/random';
import { syntheticBatch, tinyConfig } from '../../testing/tiny-model.fixture';
import { batchShard, splitBatch } from './batch-shards';

describe('splitBatch', () => {
  it('covers the batch with contiguous shares that differ by at most one sample', () => {
    expect(splitBatch(7, 3)).toEqual([
      { offset: 0, size: 3, total: 7 },
      { offset: 3, size: 2, total: 7 },
      { offset: 5, size: 2, total: 7 },
    ]);
    expect(splitBatch(8, 2).map((s) => s.size)).toEqual([4, 4]);
  });

  it('uses fewer replicas than it has when the batch is smaller, never an empty share', () => {
    expect(splitBatch(2, 4)).toEqual([
      { offset: 0, size: 1, total: 2 },
      { offset: 1, size: 1, total: 2 },
    ]);
  });

  it('refuses empty batches and replica counts below one', () => {
    expect(() => splitBatch(0, 2)).toThrow(RangeError);
    expect(() => splitBatch(4, 0)).toThrow(RangeError);
  });
});

describe('batchShard', () => {
  it('copies the samples of the share, every per-sample array cut at the same rows', () => {
    const batch = syntheticBatch(tinyConfig(), 5, 3);
    const share = batchShard(batch, { offset: 2, size: 2, total: 5 });
    const perSample = (a: Float32Array) => a.length / 5;
    expect(share.size).toBe(2);
    expect(Array.from(share.input)).toEqual(Array.from(batch.input.subarray(2 * perSample(batch.input), 4 * perSample(batch.input))));
    expect(Array.from(share.tokenWeights)).toEqual(
      Array.from(batch.tokenWeights.subarray(2 * perSample(batch.tokenWeights), 4 * perSample(batch.tokenWeights))),
    );
    expect(Array.from(share.hasAnomaly)).toEqual([batch.hasAnomaly[2], batch.hasAnomaly[3]]);
    expect(share.input.buffer).not.toBe(batch.input.buffer);
  });

  it('refuses a share of another batch', () => {
    expect(() => batchShard(syntheticBatch(tinyConfig(), 4, 1), { offset: 2, size: 2, total: 5 })).toThrow(RangeError);
  });
});

describe('sliceTokenMask', () => {
  it('keeps the samples asked for, with their own positions', () => {
    const rng = SeededRandom.fromSeed(5);
    const mask = randomTokenMask({ batch: 3, tokens: 8, visible: 3, randomFor: () => rng, sorted: true });
    const part = sliceTokenMask(mask, 1, 2);
    expect(part.batch).toBe(2);
    expect(Array.from(part.visibleIndex)).toEqual(Array.from(mask.visibleIndex.subarray(3, 9)));
    expect(Array.from(part.masked)).toEqual(Array.from(mask.masked.subarray(8, 24)));
    expect(Array.from(part.restoreIndex)).toEqual(Array.from(mask.restoreIndex.subarray(8, 24)));
    expect(() => sliceTokenMask(mask, 2, 2)).toThrow(RangeError);
  });
});
