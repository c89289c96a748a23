import { type FrameStore, InMemoryFrameStore } from '../cache/frame-store';
import { DataErrorCode } from '../data.error';
import { medianFilter3x3 } from '../signals/median-filter';
import { poolSource } from '../synthetic/anomaly-object';
import { createTrainingBatches, planTrainingBatches, type TrainingBatchOptions } from './create-training-batches';
import type { TrainingBatch } from './training-batch';

const W = 16;
const H = 8;

/** Video `id` whose frame t is a flat gray of id·40 + t (so every sample says where it came from). */
function flatVideo(id: number, frames: number, channels = 1): InMemoryFrameStore {
  return new InMemoryFrameStore(
    `v${id}`,
    W,
    H,
    channels,
    Array.from({ length: frames }, (_, t) => new Uint8Array(W * H * channels).fill(id * 40 + t)),
  );
}

async function collect(options: TrainingBatchOptions): Promise<TrainingBatch[]> {
  const out: TrainingBatch[] = [];
  for await (const batch of createTrainingBatches(options)) out.push(batch);
  return out;
}

const base = (videos: FrameStore[]): TrainingBatchOptions => ({
  videos,
  patchSize: 4,
  batchSize: 4,
  inputMode: 'single',
  colour: 'gray',
  motion: 'paper',
  seed: 1,
});
const pixel = (batch: TrainingBatch, which: 'input' | 'target', slot: number, p: number, c: number) => {
  const channels = which === 'input' ? batch.inputChannels : batch.targetChannels;
  return batch[which][(slot * W * H + p) * channels + c];
};
const toByte = (v: number) => Math.round((v + 1) * 127.5);

describe('createTrainingBatches', () => {
  it('covers every frame of every video exactly once per epoch, in a seeded shuffled order', async () => {
    const videos = [flatVideo(0, 5), flatVideo(1, 6)];
    const batches = await collect({ ...base(videos), syntheticAnomalyProbability: 0 });
    expect(batches.map((b) => b.size)).toEqual([4, 4, 3]);
    const seen = batches.flatMap((b) => Array.from({ length: b.size }, (_, s) => toByte(pixel(b, 'target', s, 0, 0))));
    expect([...seen].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 40, 41, 42, 43, 44, 45]);
    expect(seen).not.toEqual([0, 1, 2, 3, 4, 40, 41, 42, 43, 44, 45]);
    const again = (await collect({ ...base(videos), syntheticAnomalyProbability: 0 })).flatMap((b) =>
      Array.from({ length: b.size }, (_, s) => toByte(pixel(b, 'target', s, 0, 0))),
    );
    expect(again).toEqual(seen);
    const nextEpoch = (await collect({ ...base(videos), epoch: 1, syntheticAnomalyProbability: 0 })).flatMap((b) =>
      Array.from({ length: b.size }, (_, s) => toByte(pixel(b, 'target', s, 0, 0))),
    );
    expect(nextEpoch).not.toEqual(seen);
    expect(await collect({ ...base(videos), dropLast: true })).toHaveLength(2);
  });

  it('produces the TrainingBatch shapes for gray, RGB and neighbour stacks', async () => {
    const [gray] = await collect({ ...base([flatVideo(0, 4)]), batchSize: 2 });
    expect(gray).toMatchObject({ size: 2, height: H, width: W, inputChannels: 1, targetChannels: 2, patchSize: 4 });
    expect(gray.input).toHaveLength(2 * W * H);
    expect(gray.target).toHaveLength(2 * W * H * 2);
    expect(gray.tokenWeights).toHaveLength(2 * 8);
    const [rgb] = await collect({ ...base([flatVideo(0, 4, 3)]), colour: 'rgb', inputMode: 'neighbours', batchSize: 2 });
    expect(rgb).toMatchObject({ inputChannels: 9, targetChannels: 4 });
    expect(rgb.input).toHaveLength(2 * W * H * 9);
  });

  it('stacks frames t−3, t, t+3 and replaces a missing neighbour with frame t', async () => {
    const batches = await collect({ ...base([flatVideo(0, 8)]), inputMode: 'neighbours', shuffle: false, batchSize: 8, syntheticAnomalyProbability: 0 });
    const stacks = Array.from({ length: 8 }, (_, s) => [0, 1, 2].map((c) => toByte(pixel(batches[0], 'input', s, 0, c))));
    expect(stacks[0]).toEqual([0, 0, 3]);
    expect(stacks[4]).toEqual([1, 4, 7]);
    expect(stacks[7]).toEqual([4, 7, 7]);
  });

  it('scales values to [−1, 1] and leaves clean samples untouched with an empty map', async () => {
    const [batch] = await collect({ ...base([flatVideo(6, 4)]), batchSize: 4, syntheticAnomalyProbability: 0 });
    expect(Math.min(...batch.input)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...batch.input)).toBeLessThanOrEqual(1);
    expect([...batch.hasAnomaly]).toEqual([0, 0, 0, 0]);
    for (let s = 0; s < 4; s++) {
      for (let p = 0; p < W * H; p++) {
        expect(pixel(batch, 'input', s, p, 0)).toBe(pixel(batch, 'target', s, p, 0));
        expect(pixel(batch, 'target', s, p, 1)).toBe(0);
      }
    }
  });

  it('pastes anomalies in about a quarter of the samples, with the clean frame as target and the object in the map', async () => {
    const videos = [flatVideo(0, 40), flatVideo(1, 40)];
    const square = { width: 4, height: 4, pixels: new Uint8Array(16).fill(255), mask: new Uint8Array(16).fill(1), origin: 'test' };
    const batches = await collect({ ...base(videos), batchSize: 16, objectSource: poolSource('square', [square]) });
    let anomalies = 0;
    for (const b of batches) {
      for (let s = 0; s < b.size; s++) {
        const mapped = Array.from({ length: W * H }, (_, p) => pixel(b, 'target', s, p, 1));
        const changed = Array.from({ length: W * H }, (_, p) => (pixel(b, 'input', s, p, 0) !== pixel(b, 'target', s, p, 0) ? 1 : 0));
        if (b.hasAnomaly[s] === 1) {
          anomalies++;
          expect(mapped.reduce((a, v) => a + v, 0)).toBeGreaterThan(0);
          // The input differs from the clean target exactly where the map says.
          expect(changed).toEqual(mapped);
        } else {
          expect(mapped.every((v) => v === 0)).toBe(true);
        }
      }
    }
    expect(anomalies / 80).toBeGreaterThan(0.12);
    expect(anomalies / 80).toBeLessThan(0.4);
  });

  it('gives token weights that sum to 1 and concentrate on the pasted object in a still scene', async () => {
    const still = new InMemoryFrameStore(
      'still',
      W,
      H,
      1,
      Array.from({ length: 6 }, () => new Uint8Array(W * H).fill(90)),
    );
    const square = { width: 3, height: 3, pixels: new Uint8Array(9).fill(250), mask: new Uint8Array(9).fill(1), origin: 'test' };
    const [batch] = await collect({ ...base([still]), batchSize: 6, syntheticAnomalyProbability: 1, objectSource: poolSource('sq', [square]) });
    for (let s = 0; s < 6; s++) {
      const weights = [...batch.tokenWeights.subarray(s * 8, (s + 1) * 8)];
      expect(weights.reduce((a, w) => a + w, 0)).toBeCloseTo(1, 5);
      // Tokens (4×4 patches, 4 per row) that hold a map pixel carry all the weight.
      const onMap = new Set<number>();
      for (let p = 0; p < W * H; p++) if (pixel(batch, 'target', s, p, 1) === 1) onMap.add(Math.floor(Math.floor(p / W) / 4) * 4 + Math.floor((p % W) / 4));
      const mapWeight = weights.reduce((a, w, i) => a + (onMap.has(i) ? w : 0), 0);
      expect(mapWeight).toBeCloseTo(1, 5);
    }
  });

  it('weights moving tokens more than static ones', async () => {
    // Right half changes every frame, left half never.
    const frames = Array.from({ length: 4 }, (_, t) => Uint8Array.from({ length: W * H }, (_, p) => (p % W >= 8 ? 30 * t : 50)));
    const [batch] = await collect({
      ...base([new InMemoryFrameStore('half', W, H, 1, frames)]),
      batchSize: 4,
      syntheticAnomalyProbability: 0,
      motion: 'reference-code',
      shuffle: false,
    });
    const row = [...batch.tokenWeights.subarray(8, 16)];
    expect(row).toEqual([0, 0, 0.25, 0.25, 0, 0, 0.25, 0.25]);
  });

  it('gives the same batches with pre-filtered frames for the paper motion gradient as when filtering on the fly', async () => {
    const noisy = Array.from({ length: 6 }, (_, t) => Uint8Array.from({ length: W * H }, (_, i) => (i * 31 + t * 57 + ((i * t) % 7) * 40) % 256));
    const video = new InMemoryFrameStore('noisy', W, H, 1, noisy);
    const filtered = new InMemoryFrameStore(
      'noisy-median',
      W,
      H,
      1,
      noisy.map((f) => medianFilter3x3(f, { width: W, height: H, channels: 1 })),
    );
    const plain = await collect({ ...base([video]), batchSize: 6 });
    const fast = await collect({ ...base([video]), batchSize: 6, medianFiltered: [filtered] });
    expect(fast[0].tokenWeights).toEqual(plain[0].tokenWeights);
    expect(fast[0].input).toEqual(plain[0].input);
    expect(() => planTrainingBatches({ ...base([video]), medianFiltered: [] })).toThrow(/medianFiltered/);
  });

  it('prepares the next batch while the current one is being used', async () => {
    const readsWhenFirstArrives = async (prefetch: number) => {
      const store = flatVideo(0, 8);
      let reads = 0;
      const spy: FrameStore = { name: 'spy', width: W, height: H, channels: 1, frameCount: 8, readFrame: (i) => (reads++, store.readFrame(i)) };
      const iterator = createTrainingBatches({ ...base([spy]), batchSize: 4, syntheticAnomalyProbability: 0, motion: 'reference-code', prefetch })[
        Symbol.asyncIterator
      ]();
      await iterator.next();
      const count = reads;
      await iterator.return?.();
      return count;
    };
    const alone = await readsWhenFirstArrives(0);
    // With prefetch, the second batch's frames are already being read when the first is handed over.
    expect(await readsWhenFirstArrives(1)).toBeGreaterThan(alone);
  });

  it('refuses inconsistent options with INVALID_OPTIONS', () => {
    const plan = (o: Partial<TrainingBatchOptions>) => () => planTrainingBatches({ ...base([flatVideo(0, 4)]), ...o });
    expect(plan({ patchSize: 3 })).toThrow(expect.objectContaining({ code: DataErrorCode.InvalidOptions }));
    expect(plan({ colour: 'rgb' })).toThrow(/needs 3 channel/);
    expect(plan({ batchSize: 0 })).toThrow(/batch size/);
    expect(plan({ syntheticAnomalyProbability: 1.5 })).toThrow(/probability/);
    expect(plan({ videos: [flatVideo(0, 4), new InMemoryFrameStore('odd', 8, 8, 1, [new Uint8Array(64)])] })).toThrow(/odd is 8×8×1/);
    expect(plan({ videos: [] })).toThrow(/at least one video/);
  });
});
