// `vad bench train`: training steps in this thread against the same steps split over N replica threads
// (training/parallel), on the same batch from the same weights and random stream. Reports both speeds
// (medians of timed steps after warm-up), the speed-up, the achieved GFLOP/s against the measured
// one-thread matMul peak times N, and how far the two runs' losses drifted apart (they should agree to
// rounding: the parallel step is the same computation).
import * as tf from '@tensorflow/tfjs';
import type { BackendChoice } from '../backends/select-backend';
import { gflopsPerFrame } from '../config/model-cost';
import { Detector } from '../detector/detector';
import { TfjsInferenceEngine } from '../engines/tfjs-inference.engine';
import type { ModelPreset } from '../presets/model-presets';
import { deriveSeed, SeededRandom } from '@vad/data/random';
import { DataParallelReplicas } from '../training/parallel/data-parallel-replicas';
import { LocalStepRunner, type StepRunner } from '../training/step-runner';
import { median, randomTrainingBatch } from './bench-model';
import type { BenchTimingOptions } from './bench-timing';

/** Defaults: 5 timed steps after 1 warm-up step; matMul 1024 (wasm's best size, so the highest peak). */
export interface BenchTrainOptions extends BenchTimingOptions {
  preset: ModelPreset;
  /** Replica threads of the parallel run (≥ 2). */
  workers: number;
  /** Backend of the replica threads (this thread's is the caller's choice). */
  backend: BackendChoice;
  /** Samples per step (default: the preset's batch size, at most 16). */
  batch?: number;
}

export interface BenchTrainResult {
  preset: string;
  /** Training runs on TensorFlow.js (ONNX Runtime has no training here). */
  engine: 'tfjs';
  backend: string;
  workers: number;
  batch: number;
  runs: number;
  /** Measured matMul GFLOP/s of one thread on this backend. */
  peakGflops: number;
  /** Training GFLOPs per frame, estimated as 3 × the forward pass with training masking (backward ≈ 2 × forward). */
  gflopsPerFrame: number;
  /** Stage-1 training frames/s in this thread. */
  singleFps: number;
  /** The same with the batch split over `workers` replica threads. */
  parallelFps: number;
  /** The figure of the fastest configuration measured (parallelFps), under the name `vad bench inference` uses. */
  modelFps: number;
  speedup: number;
  /** gflopsPerFrame × parallelFps. */
  achievedGflops: number;
  /** achievedGflops / (peakGflops × workers). */
  peakRatio: number;
  /** Largest relative difference between the two runs' losses, step by step. */
  maxLossDifference: number;
}

interface TimedRun {
  fps: number;
  losses: number[];
}

async function timeSteps(
  runner: StepRunner,
  options: Required<Pick<BenchTrainOptions, 'runs' | 'warmupRuns'>> & { batch: number; preset: ModelPreset; seed: number; now: () => number },
): Promise<TimedRun> {
  const batch = randomTrainingBatch(options.preset, options.batch, options.seed);
  const losses: number[] = [];
  const seconds: number[] = [];
  await runner.beginStage({ stage: 1, saved: null, stageSteps: null });
  for (let i = 0; i < options.warmupRuns + options.runs; i++) {
    const start = options.now();
    losses.push((await runner.step(batch, 1)).loss);
    if (i >= options.warmupRuns) seconds.push((options.now() - start) / 1000);
  }
  return { fps: options.batch / median(seconds), losses };
}

export async function benchTrain(options: BenchTrainOptions): Promise<BenchTrainResult> {
  const { preset, workers } = options;
  const config = preset.model;
  const runs = options.runs ?? 5;
  const warmupRuns = options.warmupRuns ?? 1;
  const batch = options.batch ?? Math.min(preset.training.batchSize, 16);
  const size = options.matMulSize ?? 1024;
  const seed = options.seed ?? 0;
  const now = options.now ?? (() => performance.now());
  const log = options.log ?? (() => undefined);
  const timing = { runs, warmupRuns, batch, preset, seed, now };
  await tf.ready();

  const probeDetector = Detector.create(config, seed);
  const probe = await new TfjsInferenceEngine(probeDetector).matMulProbe(size);
  const peakSeconds: number[] = [];
  try {
    await probe.run();
    for (let i = 0; i < runs; i++) {
      const start = now();
      await probe.run();
      peakSeconds.push((now() - start) / 1000);
    }
  } finally {
    await probe.dispose();
    probeDetector.dispose();
  }
  const peakGflops = (2 * size ** 3) / median(peakSeconds) / 1e9;
  log(`matMul ${size}×${size} on tfjs/${tf.getBackend()}, one thread: ${peakGflops.toFixed(2)} GFLOP/s`);

  const rngFor = () => SeededRandom.fromSeed(deriveSeed(seed, 'training'));
  // Throughput does not depend on the rate: the preset's optimiser without its schedule (which would need a stage length).
  const optimizer = { ...preset.training.optimizer, schedule: undefined };
  const localDetector = Detector.create(config, seed);
  const local = new LocalStepRunner(localDetector, optimizer, rngFor());
  let single: TimedRun;
  try {
    single = await timeSteps(local, timing);
  } finally {
    await local.dispose();
    localDetector.dispose();
  }
  log(`training batch ${batch}, one thread: ${single.fps.toFixed(2)} frames/s`);

  const parallelDetector = Detector.create(config, seed);
  let parallel: TimedRun;
  try {
    const replicas = await DataParallelReplicas.start({ replicas: workers, detector: parallelDetector, optimizer, rng: rngFor(), backend: options.backend });
    try {
      parallel = await timeSteps(replicas, timing);
    } finally {
      await replicas.dispose();
    }
  } finally {
    parallelDetector.dispose();
  }
  log(`training batch ${batch}, ${workers} replica threads: ${parallel.fps.toFixed(2)} frames/s`);

  const perFrame = 3 * gflopsPerFrame(config, { testMasking: true });
  const achievedGflops = perFrame * parallel.fps;
  const maxLossDifference = Math.max(...single.losses.map((loss, i) => Math.abs(loss - parallel.losses[i]) / Math.max(Math.abs(loss), 1e-12)));
  return {
    preset: preset.name,
    engine: 'tfjs',
    backend: tf.getBackend(),
    workers,
    batch,
    runs,
    peakGflops,
    gflopsPerFrame: perFrame,
    singleFps: single.fps,
    parallelFps: parallel.fps,
    modelFps: parallel.fps,
    speedup: parallel.fps / single.fps,
    achievedGflops,
    peakRatio: achievedGflops / (peakGflops * workers),
    maxLossDifference,
  };
}
