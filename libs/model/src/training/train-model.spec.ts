import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { resolveCheckpoint } from '../checkpoints/resolve-checkpoint';
import { ModelErrorCode } from '../model.error';
import { syntheticBatch, tinyConfig, tinyTraining, useWasmBackend } from '../testing/tiny-model.fixture';
import type { EpochContext, TrainModelOptions } from './train-model';
import { selectEpoch, trainModel } from './train-model';
import type { TrainingProgress } from './training-progress';

const config = tinyConfig();
const training = tinyTraining();
const batches = (context: EpochContext) => [syntheticBatch(config, 4, context.seed), syntheticBatch(config, 4, context.seed + 1)];
const base: TrainModelOptions = { config, training, seed: 42, batches };

let dir: string;
beforeAll(useWasmBackend);
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vad-train-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('trainModel', () => {
  it('writes one complete checkpoint folder per epoch over both stages', async () => {
    const result = await trainModel({ ...base, checkpointDir: dir, datasetVersion: 'sha256:abc' });
    expect(result.status).toBe('completed');
    expect(result.history.map((r) => [r.epoch, r.stage, r.steps, r.frames])).toEqual([
      [1, 1, 2, 8],
      [2, 1, 2, 8],
      [3, 2, 2, 8],
    ]);
    expect((await readdir(dir)).sort()).toEqual(['epoch-0001', 'epoch-0002', 'epoch-0003', 'selection.json']);
    expect(await resolveCheckpoint(dir)).toBe(path.join(dir, 'epoch-0003'));
    expect(await resolveCheckpoint(path.join(dir, 'epoch-0002'))).toBe(path.join(dir, 'epoch-0002'));
    expect((await readdir(path.join(dir, 'epoch-0003'))).sort()).toEqual(['optimizer.bin', 'optimizer.json', 'state.json', 'weights.bin', 'weights.json']);
    const state = JSON.parse(await readFile(path.join(dir, 'epoch-0003', 'state.json'), 'utf8'));
    expect(state).toMatchObject({ epoch: 3, stage: 2, globalStep: 6, seed: 42, datasetVersion: 'sha256:abc', selectionRule: 'last-epoch' });
    expect(state.config).toEqual(config);
    expect(state.randomState).toHaveLength(4);
    expect(result.selectedCheckpoint).toBe(path.join(dir, 'epoch-0003'));
    result.detector.dispose();
  });

  const expectResumeToMatchUninterrupted = async (options: TrainModelOptions) => {
    const uninterrupted = await trainModel(options);
    const expected = await uninterrupted.detector.parameters.snapshot();
    uninterrupted.detector.dispose();

    const controller = new AbortController();
    const first = await trainModel({
      ...options,
      checkpointDir: dir,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.epoch === 2 && p.step === 1) controller.abort();
      },
    });
    expect(first.status).toBe('cancelled');
    expect(first.epochsCompleted).toBe(1);
    first.detector.dispose();

    const resumed = await trainModel({ ...options, checkpointDir: dir, resume: true });
    expect(resumed.resumedFrom).toBe(path.join(dir, 'epoch-0001'));
    expect(resumed.history.map((r) => r.loss)).toEqual(uninterrupted.history.map((r) => r.loss));
    const actual = await resumed.detector.parameters.snapshot();
    expect(actual.map((a) => a.name)).toEqual(expected.map((a) => a.name));
    actual.forEach((a, i) => expect(Array.from(a.values)).toEqual(Array.from(expected[i].values)));
    resumed.detector.dispose();
    return uninterrupted.history;
  };

  it('resumed after a cancellation, ends with exactly the weights of an uninterrupted run', async () => {
    await expectResumeToMatchUninterrupted(base);
  });

  it('follows a warm-up + cosine schedule over each stage, exactly across a resume', async () => {
    const scheduled: TrainModelOptions = {
      ...base,
      stepsPerEpoch: 2,
      training: { ...training, optimizer: { ...training.optimizer, schedule: { warmupSteps: 1, decay: 'cosine', finalFactor: 0 } } },
    };
    const history = await expectResumeToMatchUninterrupted(scheduled);
    const constant = await trainModel(base);
    constant.detector.dispose();
    // the first step runs at the full rate either way; the schedule changes what follows
    expect(history[1].loss).not.toBe(constant.history[1].loss);
  });

  it('needs the epoch length for a cosine schedule', async () => {
    const cosine = { ...training, optimizer: { ...training.optimizer, schedule: { warmupSteps: 0, decay: 'cosine' as const, finalFactor: 0 } } };
    await expect(trainModel({ ...base, training: cosine })).rejects.toMatchObject({ code: ModelErrorCode.InvalidConfig });
  });

  it('refuses to resume with another config', async () => {
    const first = await trainModel({ ...base, training: { ...training, teacherEpochs: 1, studentEpochs: 0 }, checkpointDir: dir });
    first.detector.dispose();
    const attempt = trainModel({ ...base, config: { ...config, maskRatio: 0.25 }, checkpointDir: dir, resume: true });
    await expect(attempt).rejects.toMatchObject({ code: ModelErrorCode.ResumeMismatch });
  });

  it('reports progress with frames per second and an ETA once the epoch length is known', async () => {
    const reports: TrainingProgress[] = [];
    let clock = 0;
    const result = await trainModel({ ...base, onProgress: (p) => reports.push(p), now: () => (clock += 100) });
    expect(reports).toHaveLength(6);
    expect(reports[0]).toMatchObject({ stage: 1, epoch: 1, totalEpochs: 3, step: 1, stepsPerEpoch: null, globalStep: 1, etaSeconds: null });
    expect(reports[0].framesPerSecond).toBeGreaterThan(0);
    expect(reports[2]).toMatchObject({ epoch: 2, step: 1, stepsPerEpoch: 2 });
    // 3 steps left (1 in this epoch, 2 in the last) at 0.1 s each with the fake clock.
    expect(reports[2].etaSeconds).toBeCloseTo(0.3, 5);
    expect(reports[5]).toMatchObject({ stage: 2, epoch: 3, step: 2, etaSeconds: 0 });
    expect(reports[5].parts.distillation).toBeGreaterThan(0);
    result.detector.dispose();
  });

  it('selects the checkpoint by validation loss only when asked, and needs a validation split for it', async () => {
    await expect(trainModel({ ...base, training: { ...training, checkpointSelection: 'validation-loss' } })).rejects.toMatchObject({
      code: ModelErrorCode.InvalidConfig,
    });
    const result = await trainModel({
      ...base,
      checkpointDir: dir,
      training: { ...training, studentEpochs: 2, checkpointSelection: 'validation-loss' },
      validationBatches: () => [syntheticBatch(config, 2, 999)],
    });
    const stage2 = result.history.filter((r) => r.stage === 2);
    expect(stage2.every((r) => r.validationLoss !== null && r.validationLoss > 0)).toBe(true);
    const best = stage2.reduce((a, b) => ((a.validationLoss as number) <= (b.validationLoss as number) ? a : b));
    expect(result.selection).toEqual({ rule: 'validation-loss', epoch: best.epoch });
    result.detector.dispose();
  });

  it('fails clearly when an epoch has no batches', async () => {
    await expect(trainModel({ ...base, batches: () => [] })).rejects.toMatchObject({ code: ModelErrorCode.TrainingFailed });
  });
});

// Memory must stay flat over a long run: every tensor a step creates is freed by the end of the step.
describe('trainModel memory', () => {
  it('keeps tf.memory() flat over 1,000 training steps of both stages', async () => {
    const config = tinyConfig({
      inputHeight: 8,
      inputWidth: 8,
      encoder: { width: 8, depth: 1, heads: 2 },
      decoder: { width: 8, depth: 1, heads: 2 },
      studentBranchAfter: 0,
    });
    const batch = syntheticBatch(config, 2, 1);
    const samples: Array<{ stage: number; step: number; tensors: number; bytes: number }> = [];
    const result = await trainModel({
      config,
      training: tinyTraining({ teacherEpochs: 1, studentEpochs: 1 }),
      seed: 1,
      batches: () => Array.from({ length: 500 }, () => batch),
      onProgress: (p) => {
        const m = tf.memory();
        samples.push({ stage: p.stage, step: p.step, tensors: m.numTensors, bytes: m.numBytes });
      },
    });
    expect(result.globalStep).toBe(1000);
    for (const stage of [1, 2]) {
      const afterWarmUp = samples.filter((s) => s.stage === stage && s.step >= 10);
      expect(afterWarmUp).toHaveLength(491);
      const first = afterWarmUp[0];
      expect(afterWarmUp.filter((s) => s.tensors !== first.tensors || s.bytes !== first.bytes)).toEqual([]);
    }
    const before = tf.memory().numTensors;
    result.detector.dispose();
    expect(tf.memory().numTensors).toBeLessThan(before);
  }, 120_000);
});

describe('selectEpoch', () => {
  const record = (epoch: number, stage: 1 | 2, validationLoss: number | null) => ({
    epoch,
    stage,
    steps: 1,
    frames: 1,
    loss: 1,
    parts: {},
    validationLoss,
    seconds: 1,
  });
  it('takes the last epoch, or the lowest validation loss of the final stage', () => {
    const history = [record(1, 1, 0.1), record(2, 2, 0.5), record(3, 2, 0.3), record(4, 2, 0.4)];
    expect(selectEpoch(history, 'last-epoch', 2)).toBe(4);
    expect(selectEpoch(history, 'validation-loss', 2)).toBe(3);
    expect(selectEpoch(history, 'validation-loss', 1)).toBe(1);
    expect(selectEpoch([], 'last-epoch', 2)).toBeNull();
  });
});
