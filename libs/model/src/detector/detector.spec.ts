import * as tf from '@tensorflow/tfjs';
import { INFERENCE } from '../blocks/forward-mode';
import type { ModelConfig } from '../config/model-config';
import { countParameters } from '../config/model-cost';
import { randomTokenMask, type TokenMask } from '../masking/token-mask';
import { ModelErrorCode } from '../model.error';
import { getPreset, PRESET_NAMES } from '../presets/model-presets';
import { SeededRandom } from '@vad/data/random';
import { syntheticBatch, tinyConfig, useWasmBackend } from '../testing/tiny-model.fixture';
import { Detector } from './detector';

beforeAll(useWasmBackend);

function maskFor(detector: Detector, batch: number, seed: number): TokenMask {
  const rng = SeededRandom.fromSeed(seed);
  return randomTokenMask({
    batch,
    tokens: detector.dims.tokens,
    visible: detector.dims.visibleTokens,
    randomFor: () => rng,
    sorted: detector.config.visibleTokenLayout === 'grid',
  });
}

function teacherOutput(detector: Detector, input: Float32Array, mask: TokenMask | null): Float32Array {
  const { config, dims } = detector;
  return tf
    .tidy(() => {
      const x = tf.tensor4d(input, [mask?.batch ?? 2, config.inputHeight, config.inputWidth, dims.inputChannels]);
      const out = detector.forward(x, { mask, backbone: INFERENCE, student: INFERENCE, outputs: { teacher: true, student: false } });
      return out.teacher as tf.Tensor;
    })
    .dataSync() as Float32Array;
}

describe('Detector', () => {
  it.each(PRESET_NAMES)('%s has exactly the analytic number of trainable parameters', (name) => {
    const { model } = getPreset(name);
    const detector = Detector.create(model, 0);
    expect(detector.parameters.trainableSize()).toBe(countParameters(model));
    detector.dispose();
  });

  it.each<[string, Partial<ModelConfig>]>([
    ['without student', { ablation: { ...tinyConfig().ablation, selfDistillation: false } }],
    ['without classifier or maps', { ablation: { ...tinyConfig().ablation, classificationHead: false, anomalyMaps: false } }],
    ['single RGB frame', { colour: 'rgb', temporalInput: 'single-frame' }],
  ])('counts parameters analytically %s', (_, overrides) => {
    const config = tinyConfig(overrides);
    const detector = Detector.create(config, 0);
    expect(detector.parameters.trainableSize()).toBe(countParameters(config));
    detector.dispose();
  });

  it.each<[string, Partial<ModelConfig>]>([
    ['visible tokens on the grid', {}],
    ['visible tokens packed (reference code)', { visibleTokenLayout: 'packed' }],
    ['encoder on all tokens', { encoderVisibleOnly: false }],
  ])('produces d·d·(c+1) values per token, a student and a logit per frame: %s', (_, overrides) => {
    const detector = Detector.create(tinyConfig(overrides), 1);
    const batch = syntheticBatch(detector.config, 2, 3);
    tf.tidy(() => {
      const x = tf.tensor4d(batch.input, [2, 16, 16, 3]);
      const out = detector.forward(x, { mask: maskFor(detector, 2, 1), backbone: INFERENCE, student: INFERENCE, outputs: { teacher: true, student: true } });
      expect(out.teacher?.shape).toEqual([2, 16, 4 * 4 * 2]);
      expect(out.student?.shape).toEqual([2, 16, 4 * 4 * 2]);
      expect(out.classLogits?.shape).toEqual([2]);
    });
    detector.dispose();
  });

  it.each<[string, Partial<ModelConfig>]>([
    ['grid', {}],
    ['packed', { visibleTokenLayout: 'packed' }],
    ['all tokens', { encoderVisibleOnly: false }],
  ])('never sees the pixels of masked tokens (%s)', (_, overrides) => {
    const detector = Detector.create(tinyConfig(overrides), 2);
    const batch = syntheticBatch(detector.config, 2, 4);
    const mask = maskFor(detector, 2, 5);
    const changed = Float32Array.from(batch.input);
    const changedVisible = Float32Array.from(batch.input);
    // Overwrite the pixels of one masked and one visible token of sample 0 (patch 4×4, grid 4×4).
    const masked = mask.masked.findIndex((m) => m === 1);
    const visible = mask.visibleIndex[0];
    const overwrite = (target: Float32Array, token: number) => {
      const gy = Math.floor(token / 4);
      const gx = token % 4;
      for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) for (let c = 0; c < 3; c++) target[((gy * 4 + y) * 16 + gx * 4 + x) * 3 + c] = 0.9;
    };
    overwrite(changed, masked);
    overwrite(changedVisible, visible);
    const reference = teacherOutput(detector, batch.input, mask);
    expect(Array.from(teacherOutput(detector, changed, mask))).toEqual(Array.from(reference));
    expect(Array.from(teacherOutput(detector, changedVisible, mask))).not.toEqual(Array.from(reference));
    detector.dispose();
  });

  it('is reproducible from its seed and differs across seeds', async () => {
    const values = async (seed: number) => {
      const d = Detector.create(tinyConfig(), seed);
      const v = (await d.parameters.snapshot()).map((a) => Array.from(a.values));
      d.dispose();
      return v;
    };
    expect(await values(7)).toEqual(await values(7));
    expect(await values(7)).not.toEqual(await values(8));
  });

  it('rejects input of the wrong size', () => {
    const detector = Detector.create(tinyConfig(), 1);
    expect(() =>
      tf.tidy(() => {
        detector.forward(tf.zeros([1, 16, 16, 1]) as tf.Tensor4D, {
          mask: null,
          backbone: INFERENCE,
          student: INFERENCE,
          outputs: { teacher: true, student: false },
        });
      }),
    ).toThrow(expect.objectContaining({ code: ModelErrorCode.ShapeMismatch }));
    detector.dispose();
  });

  it('rejects contradictory ablation switches', () => {
    const config = tinyConfig({ ablation: { ...tinyConfig().ablation, syntheticData: false } });
    expect(() => Detector.create(config, 1)).toThrow(/anomalyMaps needs ablation.syntheticData/);
  });
});
