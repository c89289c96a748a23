import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NamedArray } from '../../checkpoints/named-array';
import { ModelErrorCode } from '../../model.error';
import { syntheticBatch, tinyConfig, tinyTraining, useWasmBackend } from '../../testing/tiny-model.fixture';
import { trainModel, type EpochContext, type TrainModelOptions } from '../train-model';

// Odd sizes split unevenly over 2 replicas, and the last batch (1 sample) leaves one replica out.
const config = tinyConfig();
const training = tinyTraining();
const batches = (context: EpochContext) => [
  syntheticBatch(config, 5, context.seed),
  syntheticBatch(config, 3, context.seed + 1),
  syntheticBatch(config, 1, context.seed + 2),
];
const base: TrainModelOptions = { config, training, seed: 7, batches };

function largestDifference(a: readonly NamedArray[], b: readonly NamedArray[]): { name: string; difference: number; scale: number } {
  const byName = new Map(b.map((x) => [x.name, x]));
  let worst = { name: '', difference: 0, scale: 0 };
  for (const x of a) {
    const y = byName.get(x.name) as NamedArray;
    for (let i = 0; i < x.values.length; i++) {
      const difference = Math.abs(x.values[i] - y.values[i]);
      if (difference > worst.difference) worst = { name: x.name, difference, scale: Math.abs(x.values[i]) };
    }
  }
  return worst;
}

jest.setTimeout(60_000);

let single: { weights: NamedArray[]; losses: number[] };
beforeAll(async () => {
  await useWasmBackend();
  const result = await trainModel(base);
  single = { weights: await result.detector.parameters.snapshot(), losses: result.history.map((r) => r.loss) };
  result.detector.dispose();
});

describe('data-parallel training over worker threads', () => {
  it('trains the same model as one thread for the same seed, up to rounding (both stages, uneven and partial batches)', async () => {
    const result = await trainModel({ ...base, replicas: 2 });
    expect(result.history.map((r) => [r.stage, r.steps, r.frames])).toEqual([
      [1, 3, 9],
      [1, 3, 9],
      [2, 3, 9],
    ]);
    result.history.forEach((r, i) => expect(r.loss).toBeCloseTo(single.losses[i], 5));
    const worst = largestDifference(await result.detector.parameters.snapshot(), single.weights);
    expect(worst.difference).toBeLessThan(2e-5);
    result.detector.dispose();
  });

  it('resumes a data-parallel run from its checkpoint and ends where the single-thread run ends', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vad-parallel-'));
    try {
      const controller = new AbortController();
      const first = await trainModel({
        ...base,
        replicas: 3,
        checkpointDir: dir,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.epoch === 2 && p.step === 1) controller.abort();
        },
      });
      expect(first.status).toBe('cancelled');
      first.detector.dispose();
      const resumed = await trainModel({ ...base, replicas: 2, checkpointDir: dir, resume: true });
      expect(resumed.resumedFrom).toBe(path.join(dir, 'epoch-0001'));
      expect(largestDifference(await resumed.detector.parameters.snapshot(), single.weights).difference).toBeLessThan(2e-5);
      resumed.detector.dispose();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails the run with the replica’s error, without hanging the others, when a loss is not finite', async () => {
    const poisoned = (context: EpochContext) => {
      const batch = syntheticBatch(config, 4, context.seed);
      batch.input[batch.input.length - 1] = Number.NaN;
      return [batch];
    };
    await expect(trainModel({ ...base, batches: poisoned, replicas: 2 })).rejects.toMatchObject({
      code: ModelErrorCode.TrainingFailed,
      message: expect.stringMatching(/loss became NaN/),
    });
  });
});
