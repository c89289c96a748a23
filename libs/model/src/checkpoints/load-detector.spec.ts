import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Detector } from '../detector/detector';
import { scoreFrames } from '../inference/score-frames';
import { ModelErrorCode } from '../model.error';
import { SeededRandom } from '@vad/data/random';
import { syntheticBatch, tinyConfig, tinyTraining, useWasmBackend } from '../testing/tiny-model.fixture';
import { AdamOptimizer } from '../training/adam-optimizer';
import { batchTensors, disposeBatchTensors } from '../training/batch-tensors';
import { trainingStep } from '../training/training-step';
import { STAGE_ROLES } from '../detector/detector';
import type { CheckpointState } from './checkpoint-state';
import { loadCheckpoint } from './load-checkpoint';
import { loadDetector } from './load-detector';
import { saveCheckpoint } from './save-checkpoint';

let dir: string;
beforeAll(useWasmBackend);
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vad-ckpt-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function stateFor(config = tinyConfig(), epoch = 1): CheckpointState {
  return {
    format: 'vad-model-checkpoint',
    formatVersion: 1,
    epoch,
    stage: 1,
    globalStep: 1,
    seed: 3,
    randomState: SeededRandom.fromSeed(1).getState(),
    config,
    training: tinyTraining(),
    datasetVersion: 'v1',
    history: [],
    selectionRule: 'last-epoch',
  };
}

describe('loadDetector', () => {
  it('save → load gives a detector with identical outputs (BatchNorm statistics included)', async () => {
    const config = tinyConfig();
    const detector = Detector.create(config, 3);
    const optimizer = new AdamOptimizer(
      tinyTraining().optimizer,
      detector.parameters.trainable(STAGE_ROLES[1]).map((e) => ({ name: e.name, variable: e.variable })),
    );
    const batch = syntheticBatch(config, 4, 1);
    const tensors = batchTensors(batch, config);
    await trainingStep(detector, optimizer, tensors, 1, SeededRandom.fromSeed(2));
    disposeBatchTensors(tensors);
    const folder = await saveCheckpoint(dir, { state: stateFor(config), weights: await detector.parameters.snapshot(), optimizer: await optimizer.snapshot() });
    expect(folder).toBe(path.join(dir, 'epoch-0001'));

    const frames = new Float32Array(2 * 256).map((_, i) => Math.cos(i * 0.05));
    const expected = await scoreFrames(detector, { frames, count: 2 });
    const { detector: restored, checkpoint } = await loadDetector(folder);
    expect(await scoreFrames(restored, { frames, count: 2 })).toEqual(expected);
    expect(checkpoint.state.datasetVersion).toBe('v1');
    expect(checkpoint.optimizer.step).toBe(1);
    const reloaded = new AdamOptimizer(
      tinyTraining().optimizer,
      restored.parameters.trainable(STAGE_ROLES[1]).map((e) => ({ name: e.name, variable: e.variable })),
    );
    reloaded.restore(checkpoint.optimizer);
    expect(await reloaded.snapshot()).toEqual(await optimizer.snapshot());
    [detector, restored].forEach((d) => d.dispose());
    [optimizer, reloaded].forEach((o) => o.dispose());
  });

  it('rejects a folder that is not a checkpoint and weights that do not fit the config', async () => {
    await expect(loadCheckpoint(dir)).rejects.toMatchObject({ code: ModelErrorCode.InvalidCheckpoint });
    const small = Detector.create(tinyConfig(), 1);
    const folder = await saveCheckpoint(dir, {
      state: stateFor(tinyConfig({ encoder: { width: 32, depth: 1, heads: 2 } })),
      weights: await small.parameters.snapshot(),
      optimizer: { step: 0, moments: [] },
    });
    await expect(loadDetector(folder)).rejects.toMatchObject({ code: ModelErrorCode.InvalidCheckpoint });
    small.dispose();
  });
});
