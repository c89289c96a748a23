// Parity of the exported graph (run by ONNX Runtime, CPU) with scoreFrames (tfjs, masking off).
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import type { ModelConfig } from '../config/model-config';
import { Detector } from '../detector/detector';
import { scoreFrames } from '../inference/score-frames';
import type { FrameInput } from '../inference/stack-frames';
import { getPreset } from '../presets/model-presets';
import { SeededRandom } from '@vad/data/random';
import { exportOnnx, ONNX_METADATA_KEYS, ONNX_OUTPUT_NAMES, onnxInferenceModel } from './export-onnx';
import { decodeOnnxMetadata, encodeOnnxModel } from './onnx-model.proto';

const TOLERANCE = 1e-4;

/**
 * A detector with every parameter redrawn at unit scale: the initial weights (std 0.02, unit norms,
 * zero/one BatchNorm statistics) leave attention nearly uniform and the folds trivial, which would let
 * a wrong scale or a wrong fold pass within 1e-4.
 */
function perturbedDetector(config: ModelConfig, seed: number): Detector {
  const detector = Detector.create(config, seed);
  const rng = SeededRandom.fromSeed(seed + 1);
  const uniform = (limit: number) => (2 * rng.nextFloat() - 1) * limit;
  for (const { name, variable } of detector.parameters.list()) {
    const fanIn = variable.shape.slice(0, -1).reduce((p, v) => p * v, 1);
    const draw = (): number => {
      if (name.endsWith('running_variance') || name.endsWith('gamma')) return 0.5 + rng.nextFloat();
      if (name.endsWith('running_mean') || name.endsWith('beta') || name.endsWith('bias')) return uniform(0.2);
      return uniform(Math.sqrt(3 / fanIn));
    };
    const values = Float32Array.from({ length: variable.size }, draw);
    tf.tidy(() => variable.assign(tf.tensor(values, variable.shape)));
  }
  return detector;
}

function randomFrames(config: ModelConfig, count: number, seed: number): FrameInput {
  const rng = SeededRandom.fromSeed(seed);
  const size = count * config.inputHeight * config.inputWidth * (config.colour === 'rgb' ? 3 : 1);
  const frames = () => Float32Array.from({ length: size }, () => 2 * rng.nextFloat() - 1);
  return { frames: frames(), previous: frames(), next: frames(), count };
}

async function runOnnx(bytes: Uint8Array, config: ModelConfig, input: FrameInput): Promise<Record<string, Float32Array>> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    const shape = [input.count, config.inputHeight, config.inputWidth, config.colour === 'rgb' ? 3 : 1];
    const feeds: Record<string, ort.Tensor> = { frames: new ort.Tensor('float32', input.frames, shape) };
    if (config.temporalInput === 'stack-t3') {
      feeds.previous = new ort.Tensor('float32', input.previous ?? input.frames, shape);
      feeds.next = new ort.Tensor('float32', input.next ?? input.frames, shape);
    }
    const results = await session.run(feeds);
    return Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.data as Float32Array]));
  } finally {
    await session.release();
  }
}

describe('exportOnnx', () => {
  it('gives the per-frame components of scoreFrames (masking off) within 1e-4 on cpu-tiny', async () => {
    const config = getPreset('cpu-tiny').model;
    const detector = perturbedDetector(config, 3);
    try {
      const input = randomFrames(config, 3, 11);
      const expected = await scoreFrames(detector, input, { testMasking: { mode: 'off' } });
      const actual = await runOnnx(await exportOnnx(detector), config, input);
      expect(Object.keys(actual).sort()).toEqual(Object.values(ONNX_OUTPUT_NAMES).sort());
      for (let i = 0; i < input.count; i++) {
        expect(Math.abs(actual[ONNX_OUTPUT_NAMES.teacherError][i] - expected[i].teacherError)).toBeLessThan(TOLERANCE);
        expect(Math.abs(actual[ONNX_OUTPUT_NAMES.discrepancy][i] - (expected[i].discrepancy as number))).toBeLessThan(TOLERANCE);
        expect(Math.abs(actual[ONNX_OUTPUT_NAMES.classifier][i] - (expected[i].classifier as number))).toBeLessThan(TOLERANCE);
        expect(Math.abs(actual[ONNX_OUTPUT_NAMES.predictedAnomaly][i] - (expected[i].predictedAnomaly as number))).toBeLessThan(TOLERANCE);
      }
      // The components differ between frames: a graph ignoring its input could not pass.
      expect(new Set(Array.from(actual[ONNX_OUTPUT_NAMES.teacherError])).size).toBe(input.count);
      // Token maps: scoreFrames' maps, value for value.
      const cells = (config.inputHeight / config.patchSize) * (config.inputWidth / config.patchSize);
      expect(actual[ONNX_OUTPUT_NAMES.teacherErrorMap]).toHaveLength(input.count * cells);
      for (let i = 0; i < input.count; i++) {
        const { teacherError, discrepancy } = expected[i].maps;
        const pairs: [string, Float32Array][] = [
          [ONNX_OUTPUT_NAMES.teacherErrorMap, teacherError.frame],
          [ONNX_OUTPUT_NAMES.teacherAnomalyMapError, teacherError.anomalyMap as Float32Array],
          [ONNX_OUTPUT_NAMES.discrepancyMap, discrepancy?.frame as Float32Array],
          [ONNX_OUTPUT_NAMES.discrepancyAnomalyMap, discrepancy?.anomalyMap as Float32Array],
        ];
        for (const [name, values] of pairs) {
          for (let j = 0; j < cells; j++) expect(Math.abs(actual[name][i * cells + j] - values[j])).toBeLessThan(TOLERANCE);
        }
      }
    } finally {
      detector.dispose();
    }
  });

  it('follows the config: single-frame RGB input, head-width scale, [CLS] through the MLP, no student', async () => {
    const base = getPreset('cpu-tiny').model;
    const config: ModelConfig = {
      ...base,
      colour: 'rgb',
      temporalInput: 'single-frame',
      attentionScale: 'head-width',
      clsBypassesMlp: false,
      ablation: { ...base.ablation, selfDistillation: false },
    };
    const detector = perturbedDetector(config, 5);
    try {
      const input = { ...randomFrames(config, 2, 13), previous: undefined, next: undefined };
      const expected = await scoreFrames(detector, input, { testMasking: { mode: 'off' } });
      const actual = await runOnnx(await exportOnnx(detector), config, input);
      expect(actual[ONNX_OUTPUT_NAMES.discrepancy]).toBeUndefined();
      for (let i = 0; i < input.count; i++) {
        expect(Math.abs(actual[ONNX_OUTPUT_NAMES.teacherError][i] - expected[i].teacherError)).toBeLessThan(TOLERANCE);
        expect(Math.abs(actual[ONNX_OUTPUT_NAMES.classifier][i] - (expected[i].classifier as number))).toBeLessThan(TOLERANCE);
      }
    } finally {
      detector.dispose();
    }
  });

  it('records the model config and the masking choice in the file metadata', async () => {
    const config = getPreset('cpu-tiny').model;
    const detector = Detector.create(config, 1);
    try {
      const model = await onnxInferenceModel(detector);
      expect(JSON.parse(model.metadata[ONNX_METADATA_KEYS.modelConfig])).toEqual(config);
      expect(model.metadata[ONNX_METADATA_KEYS.testMasking]).toBe('off');
      // and the metadata reads back from the bytes, which is how a stale stored export is recognised
      expect(decodeOnnxMetadata(encodeOnnxModel(model))).toEqual(model.metadata);
      expect(model.graph.inputs.map((i) => i.name)).toEqual(['frames', 'previous', 'next']);
    } finally {
      detector.dispose();
    }
  });
});
