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

  it('computes the teacher error over frame t and a zero anomaly map, token by token', () => {
    const detector = Detector.create(config, 1);
    // Zero the head's kernel: every token then predicts its bias, a known 4×4×2 patch.
    const bias = Float32Array.from({ length: 32 }, (_, i) => Math.sin(i));
    tf.tidy(() => {
      const kernel = detector.parameters.get('teacher/head/kernel');
      kernel.assign(tf.zerosLike(kernel));
      detector.parameters.get('teacher/head/bias').assign(tf.tensor1d(bias));
    });
    const previous = frames.map((v) => -v);
    const [first] = scoreFrames(detector, { frames, previous, count: 4 });
    // Every pixel: (frame − predicted)² on the frame channel plus (0 − predicted map)² on the map channel, over 2 channels.
    const errorAt = (x: number, y: number) => {
      const k = ((y % 4) * 4 + (x % 4)) * 2;
      return ((frames[y * 16 + x] - bias[k]) ** 2 + bias[k + 1] ** 2) / 2;
    };
    let expected = 0;
    const token = [0, 0, 0, 0];
    for (let y = 0; y < 16; y++) {
      for (let x = 0; x < 16; x++) {
        expected += errorAt(x, y);
        if (y < 4) token[Math.floor(x / 4)] += errorAt(x, y) / 16;
      }
    }
    expect(first.teacherError).toBeCloseTo(expected / 256, 5);
    // the first row of tokens of the 4×4 grid
    expect(Array.from(first.maps.teacherError.subarray(0, 4))).toEqual(token.map((v) => expect.closeTo(v, 5)));
    // The map channel's bias values, clipped to [0, 1] and averaged.
    const mapBias = Array.from({ length: 16 }, (_, i) => Math.min(1, Math.max(0, bias[i * 2 + 1])));
    expect(first.predictedAnomaly).toBeCloseTo(mapBias.reduce((a, b) => a + b, 0) / 16, 5);
    detector.dispose();
  });

  it('returns every component in range, with float token maps whose means are the frame values', () => {
    const detector = Detector.create(config, 2);
    const scores = scoreFrames(detector, { frames, count: 4 });
    expect(scores).toHaveLength(4);
    const mean = (values: Float32Array) => values.reduce((a, b) => a + b, 0) / values.length;
    for (const s of scores) {
      expect(s.teacherError).toBeGreaterThan(0);
      expect(s.discrepancy).toBeGreaterThan(0);
      expect(s.classifier).toBeGreaterThan(0);
      expect(s.classifier).toBeLessThan(1);
      expect(s.maps).toMatchObject({ width: 4, height: 4 });
      expect(s.maps.teacherError).toBeInstanceOf(Float32Array);
      expect(s.maps.teacherError).toHaveLength(16);
      expect(s.maps.discrepancy).toHaveLength(16);
      expect(mean(s.maps.teacherError)).toBeCloseTo(s.teacherError, 6);
      expect(mean(s.maps.discrepancy as Float32Array)).toBeCloseTo(s.discrepancy as number, 6);
    }
    detector.dispose();
  });

  it('leaves no tensors behind', () => {
    const detector = Detector.create(config, 5);
    scoreFrames(detector, { frames, count: 4 });
    const before = tf.memory().numTensors;
    scoreFrames(detector, { frames, count: 4 });
    scoreFrames(detector, { frames, count: 4 }, { testMasking: { mode: 'seeded', seed: 1 } });
    expect(tf.memory().numTensors).toBe(before);
    detector.dispose();
  });

  it('reports null for the components an ablation removes', () => {
    const ablated = tinyConfig({ ablation: { ...config.ablation, selfDistillation: false, classificationHead: false, anomalyMaps: false } });
    const detector = Detector.create(ablated, 3);
    const [s] = scoreFrames(detector, { frames, count: 4 });
    expect(s).toMatchObject({ discrepancy: null, classifier: null, predictedAnomaly: null });
    expect(s.maps.discrepancy).toBeNull();
    detector.dispose();
  });

  it('masks nothing by default; seeds test-time masks per frame index when asked: reproducible and batch-independent', () => {
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
    expect(scoreFrames(detector, { frames, count: 4 }).map((s) => s.teacherError)).toEqual(off);
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
