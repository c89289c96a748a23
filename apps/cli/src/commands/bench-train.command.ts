// `vad bench train`: stage-1 training speed of a preset in one thread and split over N replica threads
// (data-parallel, one wasm instance per core), the speed-up, achieved GFLOP/s against the measured
// matMul peak, and the largest loss difference between the two runs (same seed: it should be rounding);
// then end to end, the same replicas trained through the platform's data pipeline on a video.
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import {
  BACKEND_CHOICES,
  benchTrain,
  PRESET_NAMES,
  selectBackend,
  type BenchTrainOptions,
  type BenchTrainResult,
  type SelectBackendOptions,
  type SelectedBackend,
} from '@vad/model';
import { nonNegativeIntegerFlag } from '../non-negative-integer-flag';
import { backendFlag, presetFlag, selectBenchBackend } from './bench-flags';
import { generatedOrGivenVideo, type BenchVideo } from './bench-video';
import { measureTrainingEndToEnd, type TrainingEndToEnd, type TrainingEndToEndOptions } from './training-end-to-end';

/** Fewer timed steps would make the median a poor guard against one slow step. */
const MIN_RUNS = 5;

export interface BenchTrainFlags {
  preset?: string;
  workers?: string;
  batch?: string;
  runs?: string;
  backend?: string;
  video?: string;
  json?: boolean;
}

/** The model-only figures, and the same replicas trained end to end from a video. */
export interface BenchTrainReport extends BenchTrainResult {
  endToEndFps: number;
  /** endToEndFps / modelFps. */
  endToEndRatio: number;
  /** The video trained on. */
  endToEndSource: string;
}

/** What the command does besides parsing; replaced in tests. */
export interface BenchTrainDeps {
  selectBackend: (options: SelectBackendOptions) => Promise<SelectedBackend>;
  benchTrain: (options: BenchTrainOptions) => Promise<BenchTrainResult>;
  /** The given video, or a generated one without --video. */
  benchVideo: (file: string | undefined) => Promise<BenchVideo>;
  trainingEndToEnd: (options: TrainingEndToEndOptions) => Promise<TrainingEndToEnd>;
  cores: () => number;
  stdout: (text: string) => void;
  stderr: (line: string) => void;
}

const defaultDeps: BenchTrainDeps = {
  selectBackend,
  benchTrain,
  benchVideo: generatedOrGivenVideo,
  trainingEndToEnd: measureTrainingEndToEnd,
  cores: () => os.availableParallelism(),
  stdout: (text) => process.stdout.write(text),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

export function formatBenchTrainResult(r: BenchTrainReport): string {
  return [
    `preset ${r.preset} on ${r.backend}, training batch ${r.batch}`,
    `matMul peak       ${r.peakGflops.toFixed(2)} GFLOP/s per thread`,
    `GFLOPs/frame      ${r.gflopsPerFrame.toFixed(3)} (training: ≈ 3 × forward with masking)`,
    `one thread        ${r.singleFps.toFixed(2)} frames/s`,
    `${`${r.workers} replicas`.padEnd(18)}${r.parallelFps.toFixed(2)} frames/s (${r.speedup.toFixed(2)}× one thread)`,
    `achieved          ${r.achievedGflops.toFixed(2)} GFLOP/s = ${(100 * r.peakRatio).toFixed(1)}% of ${r.workers} × the one-thread peak`,
    `loss agreement    largest relative difference ${r.maxLossDifference.toExponential(2)} over ${r.runs} timed steps and warm-up`,
    `(model only: one synthetic batch in memory; medians of ${r.runs} steps after warm-up)`,
    `end to end        ${r.endToEndFps.toFixed(2)} frames/s = ${(100 * r.endToEndRatio).toFixed(1)}% of model only`,
    `(${r.workers} replicas training on ${r.endToEndSource}: frame cache → samples with synthetic anomalies → batches → steps)`,
  ].join('\n');
}

export async function runBenchTrain(flags: BenchTrainFlags, deps: BenchTrainDeps = defaultDeps): Promise<BenchTrainReport> {
  const preset = presetFlag(flags.preset);
  const backend = backendFlag(flags.backend);
  const workers = nonNegativeIntegerFlag(flags.workers, '--workers', Math.max(2, deps.cores()), 2);
  const runs = nonNegativeIntegerFlag(flags.runs, '--runs', MIN_RUNS, MIN_RUNS);
  const batch = nonNegativeIntegerFlag(flags.batch, '--batch', Math.min(preset.training.batchSize, 16), 1);
  const selected = await selectBenchBackend(deps.selectBackend, { backend: backend ?? 'wasm', log: deps.stderr });
  const log = flags.json ? undefined : (line: string) => deps.stderr(`  ${line}`);
  const video = await deps.benchVideo(flags.video);
  try {
    const modelOnly = await deps.benchTrain({ preset, workers, batch, runs, backend: selected.choice, log });
    const endToEnd = await deps.trainingEndToEnd({ file: video.file, preset, batch, workers, backend: selected.choice, runs, warmupRuns: 1 });
    const report: BenchTrainReport = {
      ...modelOnly,
      endToEndFps: endToEnd.fps,
      endToEndRatio: endToEnd.fps / modelOnly.modelFps,
      endToEndSource: path.basename(video.file),
    };
    log?.(`end to end on ${report.endToEndSource}, ${workers} replicas: ${endToEnd.fps.toFixed(2)} frames/s (${endToEnd.steps} steps)`);
    deps.stdout(flags.json ? `${JSON.stringify(report)}\n` : `${formatBenchTrainResult(report)}\n`);
    return report;
  } finally {
    await video.dispose();
  }
}

export function registerBenchTrainCommand(bench: Command): void {
  bench
    .command('train')
    .description('training frames/s of a preset in one thread and data-parallel over N replica threads, with the speed-up and loss agreement')
    .requiredOption('--preset <name>', `model preset: ${PRESET_NAMES.join(', ')}`)
    .option('--workers <n>', 'replica threads of the parallel run, at least 2 (default: the cores available)')
    .option('--batch <n>', 'samples per training step (default: the preset’s, at most 16)')
    .option('--runs <n>', `timed steps per run, at least ${MIN_RUNS}; the median is reported (default ${MIN_RUNS})`)
    .option('--backend <name>', `${BACKEND_CHOICES.join(' | ')} (default wasm: one thread per instance, what data-parallel training is for)`)
    .option('--video <file>', 'video trained on for the end-to-end figure (default: a generated 360×240 test pattern of 180 frames)')
    .option(
      '--json',
      'print one JSON object: preset, engine, backend, workers, batch, peakGflops, gflopsPerFrame, singleFps, parallelFps, modelFps, endToEndFps, endToEndRatio, endToEndSource, speedup, achievedGflops, peakRatio, maxLossDifference, runs',
    )
    .action(async (flags: BenchTrainFlags) => {
      await runBenchTrain(flags);
    });
}
