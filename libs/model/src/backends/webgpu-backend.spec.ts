// The WebGPU backend on a real adapter: the same training steps and frame scores as wasm, for the same seed,
// within float tolerance. It needs a GPU Dawn can drive; elsewhere the suite is skipped and its title says why.
import { execFileSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs';
import { SeededRandom } from '@vad/data/random';
import { Detector, STAGE_ROLES } from '../detector/detector';
import { scoreFrames } from '../inference/score-frames';
import { syntheticBatch, tinyConfig, tinyTraining, useWasmBackend } from '../testing/tiny-model.fixture';
import { AdamOptimizer } from '../training/adam-optimizer';
import { batchTensors, disposeBatchTensors } from '../training/batch-tensors';
import { trainingStep } from '../training/training-step';
import { selectBackend } from './select-backend';

/** Asks Dawn for an adapter in a child process (collection is synchronous; a hung driver cannot hang the suite). */
function probeAdapter(): { name: string } | { skipped: string } {
  const probe = `
    const { create, globals } = require('webgpu');
    Object.assign(globalThis, globals);
    create([]).requestAdapter().then((a) => {
      process.stdout.write(a === null ? 'none' : 'adapter:' + (a.info.description || a.info.device || 'unnamed'));
      process.exit(0);
    }, (e) => { process.stdout.write('error:' + e.message); process.exit(0); });`;
  try {
    const answer = execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'ignore'] });
    if (answer.startsWith('adapter:')) return { name: answer.slice('adapter:'.length) };
    return { skipped: answer === 'none' ? 'no WebGPU adapter on this machine' : answer };
  } catch (error) {
    return { skipped: `the webgpu package did not load (${(error as Error).message.split('\n')[0]})` };
  }
}

const found = probeAdapter();
const config = tinyConfig();

/** Three stage-1 steps and the scores of two frames afterwards, from seed 1. */
async function run(): Promise<{ losses: number[]; teacherError: number[] }> {
  const detector = Detector.create(config, 1);
  const optimizer = new AdamOptimizer(
    tinyTraining().optimizer,
    detector.parameters.trainable(STAGE_ROLES[1]).map((e) => ({ name: e.name, variable: e.variable })),
  );
  const rng = SeededRandom.fromSeed(2);
  const losses: number[] = [];
  for (let step = 0; step < 3; step++) {
    const tensors = batchTensors(syntheticBatch(config, 4, 10 + step), config);
    losses.push((await trainingStep(detector, optimizer, tensors, 1, rng)).loss);
    disposeBatchTensors(tensors);
  }
  const frames = new Float32Array(2 * config.inputHeight * config.inputWidth).map((_, i) => Math.sin(i * 0.07));
  const scores = await scoreFrames(detector, { frames, count: 2 });
  optimizer.dispose();
  detector.dispose();
  return { losses, teacherError: scores.map((s) => s.teacherError) };
}

if ('skipped' in found) process.stderr.write(`webgpu-backend.spec: the WebGPU test is skipped: ${found.skipped}\n`);
const suite = 'name' in found ? describe : describe.skip;
suite(`the webgpu backend (${'name' in found ? found.name : `skipped: ${found.skipped}`})`, () => {
  it('trains and scores as wasm does for the same seed, within float tolerance', async () => {
    await useWasmBackend();
    const reference = await run();
    const selected = await selectBackend({ env: { VAD_BACKEND: 'webgpu' }, log: () => undefined });
    expect(tf.getBackend()).toBe('webgpu');
    expect(selected.adapter).not.toBeNull();
    const onGpu = await run();
    onGpu.losses.forEach((loss, i) => expect(Math.abs(loss - reference.losses[i])).toBeLessThan(1e-3 * Math.max(1, Math.abs(reference.losses[i]))));
    onGpu.teacherError.forEach((value, i) =>
      expect(Math.abs(value - reference.teacherError[i])).toBeLessThan(1e-3 * Math.max(1, Math.abs(reference.teacherError[i]))),
    );
    await useWasmBackend();
  }, 120_000);
});
