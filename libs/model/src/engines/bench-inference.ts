// `vad bench inference` (issue 8): how close an engine runs the model to the machine's limit. The
// yardstick is the same engine's measured dense matMul throughput (n×n float32, 2n³ FLOPs); the model
// figure is analytic GFLOPs/frame (masking off, the graph both engines run) × measured model-only
// frames/s. Each time is the median of several timed runs after warm-up; every run waits for its results.
import * as tf from '@tensorflow/tfjs';
import { gflopsPerFrame } from '../config/model-cost';
import { median } from '../bench/bench-model';
import { Detector } from '../detector/detector';
import type { FrameInput } from '../inference/stack-frames';
import type { ModelPreset } from '../presets/model-presets';
import { SeededRandom } from '../random/seeded-random';
import { createInferenceEngine, type CreateInferenceEngineOptions } from './create-inference-engine';

export interface BenchInferenceOptions extends CreateInferenceEngineOptions {
  preset: ModelPreset;
  /** Frames per inference call (default 32). */
  batch?: number;
  /** Timed runs per figure (default 5); the median is reported. */
  runs?: number;
  /** Untimed runs first (default 2): session set-up, kernel compilation, caches. */
  warmupRuns?: number;
  /** Side of the square matrices of the peak measurement (default 1024). */
  matMulSize?: number;
  seed?: number;
  /** Milliseconds clock (default performance.now). */
  now?: () => number;
  log?: (line: string) => void;
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
  const size = options.matMulSize ?? 1024;
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
      };
    } finally {
      await engine.dispose();
    }
  } finally {
    detector.dispose();
  }
}
