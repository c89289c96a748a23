import * as tf from '@tensorflow/tfjs';
import { Detector } from '../detector/detector';
import { syntheticBatch, tinyConfig, useWasmBackend } from '../testing/tiny-model.fixture';
import { scoreFrames } from './score-frames';
import { stackFrames } from './stack-frames';

beforeAll(useWasmBackend);

/** Frames t (channel 1 of the synthetic t−3 / t / t+3 stack) of a synthetic batch, as [B, H, W, 1]. */
function currentFrames(input: Float32Array, count: number): Float32Array {
  const out = new Float32Array(count * 16 * 16);
  for (let p = 0; p < out.length; p++) out[p] = input[p * 3 + 1];
  return out;
}

describe('scoreFrames', () => {
  const config = tinyConfig();
  const batch = syntheticBatch(config, 4, 21);
  const frames = currentFrames(batch.input, 4);

  it('computes the teacher error against frame t of the stack', () => {
    const detector = Detector.create(config, 1);
    // Zero the head's kernel: every token then predicts its bias, a known 4×4×2 patch.
    const bias = Float32Array.from({ length: 32 }, (_, i) => Math.sin(i));
    tf.tidy(() => {
      const kernel = detector.parameters.get('teacher/head/kernel');
      kernel.assign(tf.zerosLike(kernel));
      detector.parameters.get('teacher/head/bias').assign(tf.tensor1d(bias));
    });
    const previous = frames.map((v) => -v);
    const [first] = scoreFrames(detector, { frames, previous, count: 4 }, { testMasking: { mode: 'off' } });
    let expected = 0;
    for (let y = 0; y < 16; y++) {
      for (let x = 0; x < 16; x++) {
        const predicted = bias[((y % 4) * 4 + (x % 4)) * 2];
        expected += (frames[y * 16 + x] - predicted) ** 2;
      }
    }
    expect(first.teacherError).toBeCloseTo(expected / 256, 5);
    // The map channel's bias values, clipped to [0, 1] and averaged.
    const mapBias = Array.from({ length: 16 }, (_, i) => Math.min(1, Math.max(0, bias[i * 2 + 1])));
    expect(first.predictedAnomaly).toBeCloseTo(mapBias.reduce((a, b) => a + b, 0) / 16, 5);
    detector.dispose();
  });

  it('returns every component in range, and uint8 maps downsampled by the patch size', () => {
    const detector = Detector.create(config, 2);
    const scores = scoreFrames(detector, { frames, count: 4 }, { maps: {} });
    expect(scores).toHaveLength(4);
    for (const s of scores) {
      expect(s.teacherError).toBeGreaterThan(0);
      expect(s.discrepancy).toBeGreaterThan(0);
      expect(s.classifier).toBeGreaterThan(0);
      expect(s.classifier).toBeLessThan(1);
      expect(s.maps?.width).toBe(4);
      expect(s.maps?.height).toBe(4);
      expect(s.maps?.teacherError).toBeInstanceOf(Uint8Array);
      expect(s.maps?.teacherError).toHaveLength(16);
      expect(s.maps?.discrepancy).toHaveLength(16);
    }
    const fullScale = scoreFrames(detector, { frames: frames.slice(0, 256), count: 1 }, { maps: { downsample: 1, scale: 4 } })[0].maps;
    expect(fullScale?.teacherError).toHaveLength(256);
    detector.dispose();
  });

  it('leaves no tensors behind', () => {
    const detector = Detector.create(config, 5);
    scoreFrames(detector, { frames, count: 4 }, { maps: {} });
    const before = tf.memory().numTensors;
    scoreFrames(detector, { frames, count: 4 }, { maps: {} });
    scoreFrames(detector, { frames, count: 4 }, { testMasking: { mode: 'off' } });
    expect(tf.memory().numTensors).toBe(before);
    detector.dispose();
  });

  it('reports null for the components an ablation removes', () => {
    const ablated = tinyConfig({ ablation: { ...config.ablation, selfDistillation: false, classificationHead: false, anomalyMaps: false } });
    const detector = Detector.create(ablated, 3);
    const [s] = scoreFrames(detector, { frames, count: 4 }, { maps: {} });
    expect(s).toMatchObject({ discrepancy: null, classifier: null, predictedAnomaly: null });
    expect(s.maps?.discrepancy).toBeNull();
    detector.dispose();
  });

  it('seeds test-time masks per frame index: reproducible, batch-independent, and switchable off', () => {
    const detector = Detector.create(config, 4);
    const seeded = { testMasking: { mode: 'seeded' as const, seed: 9 } };
    const all = scoreFrames(detector, { frames, count: 4 }, seeded).map((s) => s.teacherError);
    expect(scoreFrames(detector, { frames, count: 4 }, seeded).map((s) => s.teacherError)).toEqual(all);
    const tail = scoreFrames(detector, { frames: frames.slice(2 * 256), count: 2, firstIndex: 2 }, seeded).map((s) => s.teacherError);
    expect(tail[0]).toBeCloseTo(all[2], 5);
    expect(tail[1]).toBeCloseTo(all[3], 5);
    const otherSeed = scoreFrames(detector, { frames, count: 4 }, { testMasking: { mode: 'seeded', seed: 10 } }).map((s) => s.teacherError);
    expect(otherSeed).not.toEqual(all);
    const off = scoreFrames(detector, { frames, count: 4 }, { testMasking: { mode: 'off' } }).map((s) => s.teacherError);
    expect(off).not.toEqual(all);
    detector.dispose();
  });
});

describe('stackFrames', () => {
  it('orders channels t−3, t, t+3 and replaces a missing neighbour by frame t', () => {
    const config = tinyConfig();
    const t = new Float32Array(256).fill(0.5);
    const before = new Float32Array(256).fill(-0.5);
    const stacked = stackFrames(config, { frames: t, previous: before, count: 1 });
    expect(Array.from(stacked.subarray(0, 6))).toEqual([-0.5, 0.5, 0.5, -0.5, 0.5, 0.5]);
    expect(() => stackFrames(config, { frames: t, count: 2 })).toThrow(/frames has 256 values/);
  });
});
