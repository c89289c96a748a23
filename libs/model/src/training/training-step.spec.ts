import * as tf from '@tensorflow/tfjs';
import { Detector, STAGE_ROLES } from '../detector/detector';
import { SeededRandom } from '@vad/data/random';
import { syntheticBatch, tinyConfig, tinyTraining, useWasmBackend } from '../testing/tiny-model.fixture';
import { AdamOptimizer } from './adam-optimizer';
import { batchTensors, disposeBatchTensors } from './batch-tensors';
import { trainingStep, type StepLosses, type TrainingStage } from './training-step';

const optimizerFor = (detector: Detector, stage: TrainingStage, learningRate = 3e-3) =>
  new AdamOptimizer(
    { ...tinyTraining().optimizer, learningRate },
    detector.parameters.trainable(STAGE_ROLES[stage]).map((e) => ({ name: e.name, variable: e.variable })),
  );

async function runSteps(detector: Detector, stage: TrainingStage, steps: number, seed = 1): Promise<StepLosses[]> {
  const optimizer = optimizerFor(detector, stage);
  const rng = SeededRandom.fromSeed(seed);
  const batches = [syntheticBatch(detector.config, 4, 11), syntheticBatch(detector.config, 4, 12)];
  const losses: StepLosses[] = [];
  for (let i = 0; i < steps; i++) {
    const t = batchTensors(batches[i % 2], detector.config);
    losses.push(await trainingStep(detector, optimizer, t, stage, rng));
    disposeBatchTensors(t);
  }
  optimizer.dispose();
  return losses;
}

describe('trainingStep', () => {
  beforeAll(useWasmBackend);

  it('stage 1 reconstruction loss falls on a tiny overfit set', async () => {
    const detector = Detector.create(tinyConfig({ dropoutRate: 0 }), 3);
    const losses = (await runSteps(detector, 1, 60)).map((l) => l.reconstruction as number);
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    // Random masks make single steps noisy: compare the first and last ten. (The classification loss is
    // noisier still: a masked pasted square cannot be seen by the encoder.)
    expect(mean(losses.slice(50))).toBeLessThan(0.6 * mean(losses.slice(0, 10)));
    detector.dispose();
  });

  it('stage 2 loss falls and changes only the student (BatchNorm statistics included)', async () => {
    const detector = Detector.create(tinyConfig(), 4);
    await runSteps(detector, 1, 3);
    const before = new Map((await detector.parameters.snapshot()).map((a) => [a.name, a.values]));
    const losses = (await runSteps(detector, 2, 30)).map((l) => l.distillation as number);
    expect(losses[29]).toBeLessThan(0.5 * losses[0]);
    const roles = new Map(detector.parameters.list().map((e) => [e.name, e.role]));
    let studentChanged = 0;
    for (const a of await detector.parameters.snapshot()) {
      const same = a.values.every((v, i) => v === (before.get(a.name) as Float32Array)[i]);
      if (roles.get(a.name) === 'student') studentChanged += same ? 0 : 1;
      else expect({ name: a.name, same }).toEqual({ name: a.name, same: true });
    }
    expect(studentChanged).toBeGreaterThan(10);
    detector.dispose();
  });

  it('stage 1 leaves the student untouched and updates BatchNorm running statistics', async () => {
    const detector = Detector.create(tinyConfig(), 5);
    const before = new Map((await detector.parameters.snapshot()).map((a) => [a.name, a.values]));
    await runSteps(detector, 1, 2);
    for (const a of await detector.parameters.snapshot()) {
      const same = a.values.every((v, i) => v === (before.get(a.name) as Float32Array)[i]);
      if (a.name.startsWith('student/')) expect(same).toBe(true);
      if (a.name === 'encoder/block0/attention/q/batch_norm/running_mean') expect(same).toBe(false);
    }
    detector.dispose();
  });

  it('gives identical numbers for the same seeds and different ones for another masking seed', async () => {
    const run = async (maskSeed: number) => {
      const detector = Detector.create(tinyConfig(), 6);
      const losses = (await runSteps(detector, 1, 3, maskSeed)).map((l) => l.loss);
      detector.dispose();
      return losses;
    };
    const a = await run(1);
    expect(await run(1)).toEqual(a);
    expect(await run(2)).not.toEqual(a);
  });

  it('leaks no tensors', async () => {
    const detector = Detector.create(tinyConfig(), 7);
    await runSteps(detector, 1, 1);
    const before = tf.memory().numTensors;
    await runSteps(detector, 1, 3);
    await runSteps(detector, 2, 3);
    expect(tf.memory().numTensors).toBe(before);
    detector.dispose();
  });
});
