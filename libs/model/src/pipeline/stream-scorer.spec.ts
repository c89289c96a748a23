// scoreStreams: per-stream results equal to scoring each video alone, in order, with shared batches
// and a bounded read-ahead.
import * as tf from '@tensorflow/tfjs';
import { Detector } from '../detector/detector';
import type { InferenceEngine } from '../engines/inference-engine';
import { TfjsInferenceEngine } from '../engines/tfjs-inference.engine';
import type { FrameScore } from '../inference/frame-score';
import { scoreVideo } from '../inference/score-video';
import type { FrameInput } from '../inference/stack-frames';
import { getPreset } from '../presets/model-presets';
import { SeededRandom } from '@vad/data/random';
import { readerFrames, scoreStreams } from './stream-scorer';

/** Scores a one-value frame as (t, t−3, t+3) so that routing and neighbours can be checked exactly. */
const NO_MAPS = { width: 0, height: 0, frameChannels: 1, teacherError: { frame: new Float32Array(0), anomalyMap: null }, discrepancy: null };

class EchoEngine implements InferenceEngine {
  readonly name = 'tfjs';
  readonly device = 'echo';
  readonly batches: number[][] = [];
  gate: Promise<void> = Promise.resolve();

  async score(input: FrameInput): Promise<FrameScore[]> {
    this.batches.push(Array.from(input.frames));
    await this.gate;
    return Array.from(input.frames, (v, k) => ({
      teacherError: v,
      discrepancy: input.previous?.[k] ?? null,
      classifier: input.next?.[k] ?? null,
      predictedAnomaly: null,
      maps: NO_MAPS,
    }));
  }

  matMulProbe(): never {
    throw new Error('not used');
  }

  async dispose(): Promise<void> {
    this.batches.length = 0;
  }
}

/** What scoring stream `s` alone must give: frame value 1000·s + t with neighbours clamped to t. */
function expected(s: number, length: number): FrameScore[] {
  const v = (t: number) => 1000 * s + t;
  return Array.from({ length }, (_, t) => ({
    teacherError: v(t),
    discrepancy: v(t - 3 >= 0 ? t - 3 : t),
    classifier: v(t + 3 < length ? t + 3 : t),
    predictedAnomaly: null,
    maps: NO_MAPS,
  }));
}

async function* stream(s: number, length: number, delayEvery = 0, pulled?: { count: number }): AsyncGenerator<Float32Array> {
  for (let t = 0; t < length; t++) {
    if (delayEvery > 0 && t % delayEvery === 0) await new Promise((r) => setTimeout(r, 1));
    if (pulled) pulled.count++;
    yield Float32Array.of(1000 * s + t);
  }
}

const stackT3 = { temporalInput: 'stack-t3' } as const;

describe('scoreStreams', () => {
  it('gives every stream its own frames, in order, with the neighbours scoreVideo uses', async () => {
    const engine = new EchoEngine();
    const lengths = [10, 2, 17];
    const results = await scoreStreams(
      engine,
      stackT3,
      lengths.map((n, s) => stream(s, n, s + 1)),
      { batchSize: 4 },
    );
    results.forEach((r, s) => expect(r).toEqual(expected(s, lengths[s])));
    expect(engine.batches.every((b) => b.length <= 4)).toBe(true);
    expect(engine.batches.flat()).toHaveLength(29);
  });

  it('fills batches from several streams at once', async () => {
    const engine = new EchoEngine();
    await scoreStreams(engine, stackT3, [stream(0, 12), stream(1, 12), stream(2, 12)], { batchSize: 6 });
    const streamsPerBatch = engine.batches.map((b) => new Set(b.map((v) => Math.floor(v / 1000))).size);
    expect(Math.max(...streamsPerBatch)).toBeGreaterThan(1);
    expect(engine.batches.filter((b) => b.length === 6).length).toBeGreaterThanOrEqual(5);
  });

  it('passes no neighbours to a single-frame model', async () => {
    const [scores] = await scoreStreams(new EchoEngine(), { temporalInput: 'single-frame' }, [[Float32Array.of(4), Float32Array.of(5)]]);
    expect(scores.map((s) => [s.teacherError, s.discrepancy])).toEqual([
      [4, null],
      [5, null],
    ]);
  });

  it('reports scores per stream as batches finish, by first frame index', async () => {
    const seen: Array<[number, number, number]> = [];
    await scoreStreams(new EchoEngine(), stackT3, [stream(0, 5), stream(1, 5)], {
      batchSize: 3,
      collect: false,
      onScores: (s, first, scores) => seen.push([s, first, scores.length]),
    });
    for (const s of [0, 1]) {
      const mine = seen.filter(([x]) => x === s);
      expect(mine.map(([, first]) => first)).toEqual(mine.map((_, k) => mine.slice(0, k).reduce((n, [, , c]) => n + c, 0)));
      expect(mine.reduce((n, [, , c]) => n + c, 0)).toBe(5);
    }
  });

  it('reads ahead no further than the prefetch depth while the engine is busy', async () => {
    const engine = new EchoEngine();
    let release = () => undefined as void;
    engine.gate = new Promise<void>((r) => (release = r));
    const pulled = { count: 0 };
    const done = scoreStreams(engine, stackT3, [stream(0, 1000, 0, pulled)], { batchSize: 4, prefetch: 5 });
    await new Promise((r) => setTimeout(r, 50));
    // The running batch (4), the next one assembled (4), the read-ahead (5) and the neighbour window (3 + 1).
    expect(pulled.count).toBeGreaterThan(8);
    expect(pulled.count).toBeLessThanOrEqual(4 + 4 + 5 + 4);
    const before = pulled.count;
    await new Promise((r) => setTimeout(r, 20));
    expect(pulled.count).toBe(before);
    release();
    const [scores] = await done;
    expect(scores).toEqual(expected(0, 1000));
  });

  it('fails with the error of a stream and stops reading the others', async () => {
    async function* broken(): AsyncGenerator<Float32Array> {
      yield Float32Array.of(1);
      throw new Error('decoder died');
    }
    const pulled = { count: 0 };
    await expect(scoreStreams(new EchoEngine(), stackT3, [broken(), stream(1, 10_000, 0, pulled)], { batchSize: 2 })).rejects.toThrow('decoder died');
    expect(pulled.count).toBeLessThan(100);
  });

  it('stops on an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(scoreStreams(new EchoEngine(), stackT3, [stream(0, 10)], { signal: controller.signal })).rejects.toThrow('cancelled');
  });

  it('matches scoreVideo on a real detector (tfjs, masking off) for each of two streams scored together', async () => {
    const config = getPreset('cpu-tiny').model;
    const detector = Detector.create(config, 3);
    const head = detector.parameters.get('classifier/head/kernel');
    tf.tidy(() => head.assign(tf.randomUniform(head.shape, -1, 1, 'float32', 3)));
    try {
      const videos = [9, 5].map((count, v) => {
        const rng = SeededRandom.fromSeed(v + 10);
        const frames = Array.from({ length: count }, () =>
          Float32Array.from({ length: config.inputHeight * config.inputWidth }, () => 2 * rng.nextFloat() - 1),
        );
        return { frameCount: count, read: (i: number) => frames[i] };
      });
      const together = await scoreStreams(new TfjsInferenceEngine(detector), config, videos.map(readerFrames), { batchSize: 4 });
      for (const [v, video] of videos.entries()) {
        const alone = await scoreVideo(detector, video, { batchSize: 3, testMasking: { mode: 'off' } });
        expect(together[v]).toHaveLength(alone.length);
        together[v].forEach((score, t) => {
          for (const key of ['teacherError', 'discrepancy', 'classifier'] as const) expect(score[key]).toBeCloseTo(alone[t][key] as number, 5);
        });
      }
    } finally {
      detector.dispose();
    }
  });
});
