// The end-to-end figure of `vad bench train`: the platform's one training path (trainDetector: frame cache
// → samples with synthetic anomalies and motion weights → batches → data-parallel steps) on one video,
// timed step by step. As in `vad train`, the video is decoded into the frame cache once, before training,
// and that is not timed; what is timed is the interval between two consecutive steps of an epoch, which
// includes building the next batch. Left out: the first intervals (warm-up), and each epoch's last step,
// which may be a partial batch and is followed by a checkpoint.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { median, type BackendChoice, type ModelPreset, type TrainingProgress } from '@vad/model';
import { trainDetector } from '@vad/jobs';
import { CliUsageError } from '../cli-error';

export interface TrainingEndToEndOptions {
  file: string;
  preset: ModelPreset;
  batch: number;
  workers: number;
  backend: BackendChoice;
  /** Timed intervals; the median is reported. */
  runs: number;
  warmupRuns: number;
  now?: () => number;
}

export interface TrainingEndToEnd {
  /** batch / the median timed interval. */
  fps: number;
  /** Steps trained, timed or not. */
  steps: number;
}

/** The frame cache is this run's own, so one video needs no content hash to key it. */
const FRESH_CACHE_KEY = '0'.repeat(16);

/** Epochs the run may take to collect its intervals; a video long enough for one batch per step needs few. */
const MAX_EPOCHS = 100;

/** Collects the intervals of full, in-epoch steps, and says when there are enough or the video is too short. */
function stepTimer(options: { runs: number; warmupRuns: number; now: () => number }) {
  const timed: number[] = [];
  let warmups = 0;
  let previous: { epoch: number; step: number; at: number } | null = null;
  // the latest interval, held until the next step of the same epoch shows it was not the epoch's last
  let pending: number | null = null;
  let steps = 0;
  let tooShort = false;
  return {
    timed,
    steps: () => steps,
    tooShort: () => tooShort,
    /** True once enough intervals are timed, or the epochs are too short to time any. */
    onStep(progress: TrainingProgress): boolean {
      const at = options.now();
      steps++;
      if (previous !== null && progress.epoch === previous.epoch) {
        if (pending !== null) {
          if (warmups < options.warmupRuns) warmups++;
          else timed.push(pending);
        }
        pending = (at - previous.at) / 1000;
      } else {
        // an epoch of two steps or fewer has no interval that is neither the first nor the last
        if (previous !== null && previous.step <= 2) tooShort = true;
        pending = null;
      }
      previous = { epoch: progress.epoch, step: progress.step, at };
      return tooShort || timed.length >= options.runs;
    },
  };
}

export async function measureTrainingEndToEnd(options: TrainingEndToEndOptions): Promise<TrainingEndToEnd> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vad-bench-train-'));
  const controller = new AbortController();
  const timer = stepTimer({ runs: options.runs, warmupRuns: options.warmupRuns, now: options.now ?? (() => performance.now()) });
  try {
    await trainDetector({
      videos: [{ name: path.basename(options.file), sourcePath: options.file, checksum: FRESH_CACHE_KEY }],
      preset: { ...options.preset, training: { ...options.preset.training, batchSize: options.batch, teacherEpochs: MAX_EPOCHS, studentEpochs: 0 } },
      seed: 0,
      outDir: path.join(dir, 'run'),
      cacheDir: path.join(dir, 'cache'),
      resume: false,
      motion: 'paper',
      validationVideos: 0,
      datasetVersion: 'bench',
      threads: options.workers,
      replicaBackend: options.backend,
      signal: controller.signal,
      onProgress: (progress) => {
        if (timer.onStep(progress)) controller.abort();
      },
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  if (timer.tooShort() || timer.timed.length < options.runs) {
    throw new CliUsageError(
      `${path.basename(options.file)} gives too few training samples for ${options.runs} timed steps of batch ${options.batch}; give a longer --video or a smaller --batch`,
    );
  }
  return { fps: options.batch / median(timer.timed), steps: timer.steps() };
}
