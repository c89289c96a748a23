// The two engines behind InferenceEngine give the same per-frame components on the same frames.
import * as tf from '@tensorflow/tfjs';
import { Detector } from '../detector/detector';
import type { FrameInput } from '../inference/stack-frames';
import { ModelError } from '../model.error';
import { exportOnnx } from '../onnx/export-onnx';
import { getPreset } from '../presets/model-presets';
import { SeededRandom } from '@vad/data/random';
import { createInferenceEngine } from './create-inference-engine';
import { isEngineName, type InferenceEngine } from './inference-engine';
import { OnnxInferenceEngine } from './onnx-inference.engine';

const config = getPreset('cpu-tiny').model;

function frames(count: number, seed: number, withNeighbours: boolean): FrameInput {
  const rng = SeededRandom.fromSeed(seed);
  const draw = () => Float32Array.from({ length: count * config.inputHeight * config.inputWidth }, () => 2 * rng.nextFloat() - 1);
  return withNeighbours ? { frames: draw(), previous: draw(), next: draw(), count } : { frames: draw(), count };
}

describe('InferenceEngine', () => {
  let detector: Detector;
  let engines: InferenceEngine[];

  beforeAll(async () => {
    detector = Detector.create(config, 7);
    // Unit-scale classifier weights so that its probability varies visibly between frames.
    const head = detector.parameters.get('classifier/head/kernel');
    tf.tidy(() => head.assign(tf.randomUniform(head.shape, -1, 1, 'float32', 3)));
    engines = [await createInferenceEngine(detector, { engine: 'tfjs' }), await createInferenceEngine(detector, { engine: 'onnx' })];
  });

  afterAll(async () => {
    for (const engine of engines) await engine.dispose();
    detector.dispose();
  });

  it.each([true, false])('tfjs and onnx agree within 1e-4 on every component (neighbours given: %s)', async (withNeighbours) => {
    const input = frames(4, withNeighbours ? 1 : 2, withNeighbours);
    const [a, b] = await Promise.all(engines.map((e) => e.score(input)));
    expect(a).toHaveLength(4);
    expect(b).toHaveLength(4);
    for (let i = 0; i < 4; i++) {
      for (const key of ['teacherError', 'discrepancy', 'classifier', 'predictedAnomaly'] as const) {
        expect(b[i][key]).not.toBeNull();
        expect(Math.abs((a[i][key] as number) - (b[i][key] as number))).toBeLessThan(1e-4);
      }
    }
    expect(a[0].teacherError).not.toBeCloseTo(a[1].teacherError, 6);
  });

  it('names what it runs on', () => {
    expect(engines.map((e) => e.name)).toEqual(['tfjs', 'onnx']);
    expect(engines[1].device).toBe('onnx/cpu');
    expect(engines[0].device).toMatch(/^tfjs\//);
  });

  it('rejects frames of the wrong size with a ModelError', async () => {
    const bad = { frames: new Float32Array(5), count: 1 };
    await expect(engines[1].score(bad)).rejects.toThrow(ModelError);
    await expect(engines[0].score(bad)).rejects.toThrow(ModelError);
  });

  it('computes a matrix product on each engine', async () => {
    for (const engine of engines) {
      const probe = await engine.matMulProbe(32);
      await expect(probe.run()).resolves.toBeUndefined();
      await probe.dispose();
    }
  });

  it('loads a stored graph without a detector', async () => {
    const engine = await OnnxInferenceEngine.fromModel(await exportOnnx(detector), config);
    try {
      const input = frames(1, 5, true);
      const [stored] = await engine.score(input);
      const [direct] = await engines[1].score(input);
      expect(stored).toEqual(direct);
    } finally {
      await engine.dispose();
    }
  });

  it('knows the engine names', () => {
    expect(isEngineName('onnx')).toBe(true);
    expect(isEngineName('torch')).toBe(false);
  });
});
