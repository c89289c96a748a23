import * as tf from '@tensorflow/tfjs';
import { Detector } from '../detector/detector';
import { syntheticBatch, tinyConfig, useWasmBackend } from '../testing/tiny-model.fixture';
import { ModelErrorCode } from '../model.error';
import { componentTensorsUnderMask, scoreFrames } from './score-frames';
import { stackFrames } from './stack-frames';
import { checkerboardMask, maskedInCheckerboardPass } from './test-masking';

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

  it('computes the teacher error over frame t and a zero anomaly map, token by token', async () => {
    const detector = Detector.create(config, 1);
    // Zero the head's kernel: every token then predicts its bias, a known 4×4×2 patch.
    const bias = Float32Array.from({ length: 32 }, (_, i) => Math.sin(i));
    tf.tidy(() => {
      const kernel = detector.parameters.get('teacher/head/kernel');
      kernel.assign(tf.zerosLike(kernel));
      detector.parameters.get('teacher/head/bias').assign(tf.tensor1d(bias));
    });
    const previous = frames.map((v) => -v);
    const [first] = await scoreFrames(detector, { frames, previous, count: 4 });
    // Every pixel: (frame − predicted)² on the frame channel, (0 − predicted map clipped to [0, 1])² on the map channel.
    const clip = (v: number) => Math.min(1, Math.max(0, v));
    const frameErrorAt = (x: number, y: number) => (frames[y * 16 + x] - bias[((y % 4) * 4 + (x % 4)) * 2]) ** 2;
    const mapErrorAt = (x: number, y: number) => clip(bias[((y % 4) * 4 + (x % 4)) * 2 + 1]) ** 2;
    let expected = 0;
    const frameTokens = [0, 0, 0, 0];
    const mapTokens = [0, 0, 0, 0];
    for (let y = 0; y < 16; y++) {
      for (let x = 0; x < 16; x++) {
        expected += (frameErrorAt(x, y) + mapErrorAt(x, y)) / 2;
        if (y < 4) frameTokens[Math.floor(x / 4)] += frameErrorAt(x, y) / 16;
        if (y < 4) mapTokens[Math.floor(x / 4)] += mapErrorAt(x, y) / 16;
      }
    }
    // the frame value is the mean over both output channels
    expect(first.teacherError).toBeCloseTo(expected / 256, 5);
    // the first row of tokens of the 4×4 grid, channel group by channel group
    expect(first.maps.frameChannels).toBe(1);
    expect(Array.from(first.maps.teacherError.frame.subarray(0, 4))).toEqual(frameTokens.map((v) => expect.closeTo(v, 5)));
    expect(Array.from((first.maps.teacherError.anomalyMap as Float32Array).subarray(0, 4))).toEqual(mapTokens.map((v) => expect.closeTo(v, 5)));
    // The map channel's bias values, clipped to [0, 1] and averaged.
    const mapBias = Array.from({ length: 16 }, (_, i) => Math.min(1, Math.max(0, bias[i * 2 + 1])));
    expect(first.predictedAnomaly).toBeCloseTo(mapBias.reduce((a, b) => a + b, 0) / 16, 5);
    detector.dispose();
  });

  it('returns every component in range, with float token maps whose channel mean averages to the frame values', async () => {
    const detector = Detector.create(config, 2);
    const scores = await scoreFrames(detector, { frames, count: 4 });
    expect(scores).toHaveLength(4);
    const mean = (values: Float32Array) => values.reduce((a, b) => a + b, 0) / values.length;
    for (const s of scores) {
      expect(s.teacherError).toBeGreaterThan(0);
      expect(s.discrepancy).toBeGreaterThan(0);
      expect(s.classifier).toBeGreaterThan(0);
      expect(s.classifier).toBeLessThan(1);
      expect(s.maps).toMatchObject({ width: 4, height: 4, frameChannels: 1 });
      const { teacherError, discrepancy } = s.maps;
      for (const group of [teacherError.frame, teacherError.anomalyMap, discrepancy?.frame, discrepancy?.anomalyMap]) {
        expect(group).toBeInstanceOf(Float32Array);
        expect(group).toHaveLength(16);
      }
      expect((mean(teacherError.frame) + mean(teacherError.anomalyMap as Float32Array)) / 2).toBeCloseTo(s.teacherError, 6);
      expect((mean(discrepancy?.frame as Float32Array) + mean(discrepancy?.anomalyMap as Float32Array)) / 2).toBeCloseTo(s.discrepancy as number, 6);
    }
    detector.dispose();
  });

  it('leaves no tensors behind', async () => {
    const detector = Detector.create(config, 5);
    await scoreFrames(detector, { frames, count: 4 });
    const before = tf.memory().numTensors;
    await scoreFrames(detector, { frames, count: 4 });
    await scoreFrames(detector, { frames, count: 4 }, { testMasking: { mode: 'seeded', seed: 1 } });
    expect(tf.memory().numTensors).toBe(before);
    detector.dispose();
  });

  it('reports null for the components an ablation removes', async () => {
    const ablated = tinyConfig({ ablation: { ...config.ablation, selfDistillation: false, classificationHead: false, anomalyMaps: false } });
    const detector = Detector.create(ablated, 3);
    const [s] = await scoreFrames(detector, { frames, count: 4 });
    expect(s).toMatchObject({ discrepancy: null, classifier: null, predictedAnomaly: null });
    expect(s.maps.discrepancy).toBeNull();
    detector.dispose();
  });

  it('masks nothing by default; seeds test-time masks per frame index when asked: reproducible and batch-independent', async () => {
    const detector = Detector.create(config, 4);
    const seeded = { testMasking: { mode: 'seeded' as const, seed: 9 } };
    const all = (await scoreFrames(detector, { frames, count: 4 }, seeded)).map((s) => s.teacherError);
    expect((await scoreFrames(detector, { frames, count: 4 }, seeded)).map((s) => s.teacherError)).toEqual(all);
    const tail = (await scoreFrames(detector, { frames: frames.slice(2 * 256), count: 2, firstIndex: 2 }, seeded)).map((s) => s.teacherError);
    expect(tail[0]).toBeCloseTo(all[2], 5);
    expect(tail[1]).toBeCloseTo(all[3], 5);
    const otherSeed = (await scoreFrames(detector, { frames, count: 4 }, { testMasking: { mode: 'seeded', seed: 10 } })).map((s) => s.teacherError);
    expect(otherSeed).not.toEqual(all);
    const off = (await scoreFrames(detector, { frames, count: 4 }, { testMasking: { mode: 'off' } })).map((s) => s.teacherError);
    expect(off).not.toEqual(all);
    expect((await scoreFrames(detector, { frames, count: 4 })).map((s) => s.teacherError)).toEqual(off);
    detector.dispose();
  });
});

describe('complementary test masking', () => {
  const config = tinyConfig();
  const batch = syntheticBatch(config, 4, 23);
  const frames = currentFrames(batch.input, 4);

  it('masks the two colours of a checkerboard of tokens in turn, half the tokens each pass', () => {
    const detector = Detector.create(config, 6);
    const [first, second] = [checkerboardMask(detector, 0, 2), checkerboardMask(detector, 1, 2)];
    expect(first.visible).toBe(8);
    for (let i = 0; i < 32; i++) expect(first.masked[i] + second.masked[i]).toBe(1);
    // token 1 (row 0, column 1) is masked by the first pass, token 0 by the second
    expect([first.masked[1], first.masked[0]]).toEqual([1, 0]);
    expect(Array.from(first.visibleIndex.subarray(0, 8))).toEqual([0, 2, 5, 7, 8, 10, 13, 15]);
    detector.dispose();
  });

  it("gives each token's maps from the pass that masked it and frame values as the mean of both passes", async () => {
    const detector = Detector.create(config, 7);
    const scores = await scoreFrames(detector, { frames, count: 4 }, { testMasking: { mode: 'complementary' } });
    const input = tf.tensor4d(stackFrames(config, { frames, count: 4 }), [4, 16, 16, 3]);
    const passes = await Promise.all(
      ([0, 1] as const).map(async (phase) => {
        const t = componentTensorsUnderMask(detector, input, checkerboardMask(detector, phase, 4));
        const read = { frame: await t.teacherError.frame.data(), map: await t.teacherError.anomalyMap?.data(), classifier: await t.classifier?.data() };
        tf.dispose(
          [t.teacherError.frame, t.teacherError.anomalyMap, t.discrepancy?.frame, t.discrepancy?.anomalyMap, t.classifier, t.predictedAnomaly].filter(
            (x) => x != null,
          ),
        );
        return read;
      }),
    );
    input.dispose();
    scores.forEach((s, b) => {
      for (let i = 0; i < 16; i++) {
        const from = passes[maskedInCheckerboardPass(i, 4, 0) ? 0 : 1];
        expect(s.maps.teacherError.frame[i]).toBeCloseTo(from.frame[b * 16 + i], 6);
        expect((s.maps.teacherError.anomalyMap as Float32Array)[i]).toBeCloseTo((from.map as Float32Array)[b * 16 + i], 6);
      }
      expect(s.classifier).toBeCloseTo(((passes[0].classifier as Float32Array)[b] + (passes[1].classifier as Float32Array)[b]) / 2, 6);
    });
    // not what either pass alone gives
    expect(Array.from(scores[0].maps.teacherError.frame)).not.toEqual(Array.from(passes[0].frame.subarray(0, 16)));
    expect(Array.from(scores[0].maps.teacherError.frame)).not.toEqual(Array.from(passes[1].frame.subarray(0, 16)));
    detector.dispose();
  });

  it('is deterministic, leaves no tensors behind, and refuses a model that does not keep half of its tokens', async () => {
    const detector = Detector.create(config, 8);
    const complementary = { testMasking: { mode: 'complementary' as const } };
    const first = await scoreFrames(detector, { frames, count: 4 }, complementary);
    const before = tf.memory().numTensors;
    const again = await scoreFrames(detector, { frames, count: 4 }, complementary);
    expect(tf.memory().numTensors).toBe(before);
    expect(again.map((s) => s.teacherError)).toEqual(first.map((s) => s.teacherError));
    detector.dispose();
    const sparse = Detector.create(tinyConfig({ maskRatio: 0.75 }), 8);
    await expect(scoreFrames(sparse, { frames, count: 4 }, complementary)).rejects.toMatchObject({ code: ModelErrorCode.InvalidConfig });
    sparse.dispose();
  });
});

describe('stackFrames', () => {
  it('orders channels t−3, t, t+3 and replaces a missing neighbour by frame t', async () => {
    const config = tinyConfig();
    const t = new Float32Array(256).fill(0.5);
    const before = new Float32Array(256).fill(-0.5);
    const stacked = stackFrames(config, { frames: t, previous: before, count: 1 });
    expect(Array.from(stacked.subarray(0, 6))).toEqual([-0.5, 0.5, 0.5, -0.5, 0.5, 0.5]);
    expect(() => stackFrames(config, { frames: t, count: 2 })).toThrow(/frames has 256 values/);
  });
});
