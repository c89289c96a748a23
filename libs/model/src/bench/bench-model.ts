// `vad bench model`: size, analytic cost and measured speed of a preset on the current backend.
// Speeds are model-only (docs/method.md §9): synthetic frames already in memory, no decoding or
// pre-processing; each figure is the median of several timed runs after warm-up, and every run
// waits for its results to be read back, so asynchronous backends (WebGPU) are timed to completion.
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig, OptimizerConfig } from '../config/model-config';
import { countParameters, gflopsPerFrame } from '../config/model-cost';
import type { BenchTimingOptions } from './bench-timing';
import { modelDimensions } from '../config/model-dimensions';
import { Detector, STAGE_ROLES } from '../detector/detector';
import { scoreStackedFrames } from '../inference/score-frames';
import type { ModelPreset } from '../presets/model-presets';
import { SeededRandom } from '@vad/data/random';
import { AdamOptimizer } from '../training/adam-optimizer';
import { batchTensors, disposeBatchTensors } from '../training/batch-tensors';
import type { TrainingBatch } from '../training/training-batch';
import { trainingStep } from '../training/training-step';

/** Defaults: 5 timed runs after 1 warm-up run. */
export interface BenchModelOptions extends Omit<BenchTimingOptions, 'matMulSize'> {
  preset: ModelPreset;
  /** Backend name to report (the caller selects it). */
  backend: string;
  /** Inference batch sizes (default 1 and 32). */
  inferenceBatchSizes?: number[];
  /** Training batch size (default: the preset's, at most 8, to stay within the wasm heap). */
  trainBatchSize?: number;
}

export interface BenchModelResult {
  preset: string;
  backend: string;
  params: number;
  gflopsPerFrame: number;
  /** Frames per second of inference, by batch size. */
  inferenceFps: Record<string, number>;
  /** Frames per second of stage-1 training steps. */
  trainFps: number;
  trainBatch: number;
  runs: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The training batch the model benchmarks take by default: the preset's, at most 8, to stay within the wasm heap. */
export function defaultBenchTrainBatch(preset: ModelPreset): number {
  return Math.min(preset.training.batchSize, 8);
}

/** `batch` frames of uniform noise in [−1, 1], shaped like the model's stacked input. */
export function randomInputFrames(config: ModelConfig, batch: number, seed: number): tf.Tensor4D {
  const dims = modelDimensions(config);
  return tf.tidy(() => tf.randomUniform([batch, config.inputHeight, config.inputWidth, dims.inputChannels], -1, 1, 'float32', seed)) as tf.Tensor4D;
}

/** An optimiser over the variables stage 1 trains. */
export function stageOneOptimizer(detector: Detector, config: OptimizerConfig): AdamOptimizer {
  return new AdamOptimizer(
    config,
    detector.parameters.trainable(STAGE_ROLES[1]).map((e) => ({ name: e.name, variable: e.variable })),
  );
}

/** A batch of uniform noise with valid weights and labels, the shape of the preset's training input. */
export function randomTrainingBatch(preset: ModelPreset, size: number, seed: number): TrainingBatch {
  const config = preset.model;
  const dims = modelDimensions(config);
  const rng = SeededRandom.fromSeed(seed);
  const pixels = size * config.inputHeight * config.inputWidth;
  const uniform = (n: number) => Float32Array.from({ length: n }, () => 2 * rng.nextFloat() - 1);
  return {
    size,
    height: config.inputHeight,
    width: config.inputWidth,
    inputChannels: dims.inputChannels,
    targetChannels: dims.frameChannels + 1,
    patchSize: config.patchSize,
    input: uniform(pixels * dims.inputChannels),
    target: uniform(pixels * (dims.frameChannels + 1)),
    tokenWeights: new Float32Array(size * dims.tokens).fill(1 / dims.tokens),
    hasAnomaly: Float32Array.from({ length: size }, (_, i) => i % 2),
  };
}

async function timeRuns(runs: number, warmup: number, now: () => number, run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < warmup; i++) await run();
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    await run();
    seconds.push((now() - start) / 1000);
    // Let timers and I/O of the host process run between measurements.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return median(seconds);
}

export async function benchModel(options: BenchModelOptions): Promise<BenchModelResult> {
  const { preset } = options;
  const runs = options.runs ?? 5;
  const warmup = options.warmupRuns ?? 1;
  const now = options.now ?? (() => performance.now());
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? 0;
  const config = preset.model;
  const detector = Detector.create(config, seed);
  const inferenceFps: Record<string, number> = {};
  try {
    for (const batch of options.inferenceBatchSizes ?? [1, 32]) {
      const input = randomInputFrames(config, batch, seed);
      try {
        const seconds = await timeRuns(runs, warmup, now, () => scoreStackedFrames(detector, input));
        inferenceFps[String(batch)] = batch / seconds;
        log(`inference batch ${batch}: ${(batch / seconds).toFixed(2)} frames/s (median of ${runs})`);
      } finally {
        input.dispose();
      }
    }
    const trainBatch = options.trainBatchSize ?? defaultBenchTrainBatch(preset);
    const optimizer = stageOneOptimizer(detector, preset.training.optimizer);
    const tensors = batchTensors(randomTrainingBatch(preset, trainBatch, seed), config);
    const rng = SeededRandom.fromSeed(seed);
    let trainSeconds: number;
    try {
      trainSeconds = await timeRuns(runs, warmup, now, () => trainingStep(detector, optimizer, tensors, 1, rng));
    } finally {
      disposeBatchTensors(tensors);
      optimizer.dispose();
    }
    log(`training batch ${trainBatch}: ${(trainBatch / trainSeconds).toFixed(2)} frames/s (median of ${runs})`);
    return {
      preset: preset.name,
      backend: options.backend,
      params: countParameters(config),
      // inference as scoring runs it: every token visible
      gflopsPerFrame: gflopsPerFrame(config, { testMasking: false }),
      inferenceFps,
      trainFps: trainBatch / trainSeconds,
      trainBatch,
      runs,
    };
  } finally {
    detector.dispose();
  }
}
