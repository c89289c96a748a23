// `vad bench inference` (issue 8): how close an engine runs the model to the machine's limit. The
// yardstick is the same engine's measured dense matMul throughput (n×n float32, 2n³ FLOPs); the model
// figure is analytic GFLOPs/frame (masking off, the graph both engines run) × measured model-only
// frames/s. Each time is the median of several timed runs after warm-up; every run waits for its results.
// End to end (optional): decoded frames → preprocess → the streaming scorer's batches → scores, timed over
// whole videos (many batches, so one pass already averages), after the model figures have warmed the engine.
import * as tf from '@tensorflow/tfjs';
import { gflopsPerFrame } from '../config/model-cost';
import { median } from '../bench/bench-model';
import { Detector } from '../detector/detector';
import type { FrameInput } from '../inference/stack-frames';
import { scoreStreams } from '../pipeline/stream-scorer';
import type { ModelPreset } from '../presets/model-presets';
import { SeededRandom } from '@vad/data/random';
import type { BenchTimingOptions } from '../bench/bench-timing';
import { createInferenceEngine, type CreateInferenceEngineOptions } from './create-inference-engine';

/**
 * Defaults: 5 runs after 2 warm-up runs; matMul 2048 (at 1024 ONNX Runtime's per-call overhead halves
 * the figure on 2 cores, and the model then "beats" its own peak).
 */
export interface BenchInferenceOptions extends CreateInferenceEngineOptions, BenchTimingOptions {
  preset: ModelPreset;
  /** Frames per inference call (default 32). */
  batch?: number;
  /** Measure end-to-end frames/s too, on these decoded videos. */
  endToEnd?: EndToEndSource;
}

/** Decoded videos for the end-to-end figure: the decoder is the caller's (libs/data's ffmpeg), as is its cost. */
export interface EndToEndSource {
  /** What is decoded, for the report (e.g. a file name). */
  label: string;
  /** Videos decoded at once, sharing batches (default 1). */
  streams?: number;
  /** A fresh decode of one stream: uint8 frames [H, W, c] at the model's input size. */
  open(geometry: { width: number; height: number; colour: 'gray' | 'rgb' }): AsyncIterable<Uint8Array>;
}

export interface BenchInferenceResult {
  preset: string;
  engine: string;
  /** e.g. `onnx/cpu`, `tfjs/wasm`. */
  device: string;
  batch: number;
  /** Measured matMul GFLOP/s of this engine. */
  peakGflops: number;
  matMulSize: number;
  /** Analytic GFLOPs of one frame's inference (test-time masking off). */
  gflopsPerFrame: number;
  /** Model-only frames per second (synthetic frames in memory). */
  modelFps: number;
  /** gflopsPerFrame × modelFps. */
  achievedGflops: number;
  /** achievedGflops / peakGflops. */
  peakRatio: number;
  runs: number;
  /** Decode → preprocess → batched engine → scores, frames/s over all streams; null when not measured. */
  endToEndFps: number | null;
  /** endToEndFps / modelFps. */
  endToEndRatio: number | null;
  endToEndSource: string | null;
  /** Streams decoded at once for the end-to-end figure (0 when not measured). */
  streams: number;
  /** Frames scored end to end (all streams). */
  endToEndFrames: number;
}

/** v / 127.5 − 1 for every byte: a table lookup per pixel keeps preprocessing off the critical path. */
const UINT8_TO_UNIT = Float32Array.from({ length: 256 }, (_, v) => v / 127.5 - 1);

/** uint8 → [−1, 1], as libs/data scales training frames. */
async function* preprocess(frames: AsyncIterable<Uint8Array>): AsyncGenerator<Float32Array> {
  for await (const frame of frames) {
    const out = new Float32Array(frame.length);
    for (let i = 0; i < frame.length; i++) out[i] = UINT8_TO_UNIT[frame[i]];
    yield out;
  }
}

/** Median seconds of `runs` timed calls after `warmup` untimed ones. */
export async function medianSeconds(runs: number, warmup: number, now: () => number, run: () => Promise<void>): Promise<number> {
  for (let i = 0; i < warmup; i++) await run();
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    await run();
    seconds.push((now() - start) / 1000);
  }
  return median(seconds);
}

function syntheticFrames(preset: ModelPreset, batch: number, seed: number): FrameInput {
  const config = preset.model;
  const rng = SeededRandom.fromSeed(seed);
  const size = batch * config.inputHeight * config.inputWidth * (config.colour === 'rgb' ? 3 : 1);
  const draw = () => Float32Array.from({ length: size }, () => 2 * rng.nextFloat() - 1);
  return config.temporalInput === 'stack-t3' ? { frames: draw(), previous: draw(), next: draw(), count: batch } : { frames: draw(), count: batch };
}

export async function benchInference(options: BenchInferenceOptions): Promise<BenchInferenceResult> {
  const { preset } = options;
  const batch = options.batch ?? 32;
  const runs = options.runs ?? 5;
  const warmup = options.warmupRuns ?? 2;
  const size = options.matMulSize ?? 2048;
  const seed = options.seed ?? 0;
  const now = options.now ?? (() => performance.now());
  const log = options.log ?? (() => undefined);
  // The detector's weights live in tfjs whatever the engine: its backend must be initialised.
  await tf.ready();
  const detector = Detector.create(preset.model, seed);
  try {
    const engine = await createInferenceEngine(detector, options);
    try {
      const probe = await engine.matMulProbe(size);
      let peakGflops: number;
      try {
        peakGflops = (2 * size ** 3) / (await medianSeconds(runs, warmup, now, () => probe.run())) / 1e9;
      } finally {
        await probe.dispose();
      }
      log(`matMul ${size}×${size} on ${engine.device}: ${peakGflops.toFixed(2)} GFLOP/s (median of ${runs})`);
      const input = syntheticFrames(preset, batch, seed);
      const seconds = await medianSeconds(runs, warmup, now, async () => {
        await engine.score(input);
      });
      const modelFps = batch / seconds;
      const perFrame = gflopsPerFrame(preset.model, { testMasking: false });
      log(`model batch ${batch} on ${engine.device}: ${modelFps.toFixed(2)} frames/s (median of ${runs})`);
      const achievedGflops = perFrame * modelFps;
      let endToEnd = { fps: null as number | null, frames: 0, streams: 0 };
      if (options.endToEnd !== undefined) {
        const source = options.endToEnd;
        const streams = source.streams ?? 1;
        const geometry = { width: preset.model.inputWidth, height: preset.model.inputHeight, colour: preset.model.colour };
        let frames = 0;
        const start = now();
        await scoreStreams(
          engine,
          preset.model,
          Array.from({ length: streams }, () => preprocess(source.open(geometry))),
          {
            batchSize: batch,
            collect: false,
            onScores: (_, __, scores) => (frames += scores.length),
          },
        );
        const fps = frames / ((now() - start) / 1000);
        endToEnd = { fps, frames, streams };
        log(`end to end (${source.label}, ${streams} stream${streams === 1 ? '' : 's'}, ${frames} frames): ${fps.toFixed(2)} frames/s`);
      }
      return {
        preset: preset.name,
        engine: engine.name,
        device: engine.device,
        batch,
        peakGflops,
        matMulSize: size,
        gflopsPerFrame: perFrame,
        modelFps,
        achievedGflops,
        peakRatio: achievedGflops / peakGflops,
        runs,
        endToEndFps: endToEnd.fps,
        endToEndRatio: endToEnd.fps === null ? null : endToEnd.fps / modelFps,
        endToEndSource: options.endToEnd?.label ?? null,
        streams: endToEnd.streams,
        endToEndFrames: endToEnd.frames,
      };
    } finally {
      await engine.dispose();
    }
  } finally {
    detector.dispose();
  }
}
