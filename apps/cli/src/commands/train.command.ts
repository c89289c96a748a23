// `vad train`: trains the detector of a preset on a data set folder — stage 1 (teacher) then stage 2
// (student) — with a checkpoint per epoch under the run folder, `--resume` to continue where a run
// stopped, progress on stderr, and one JSON summary on stdout. Ctrl+C stops cooperatively after the
// current step; the last complete epoch stays on disk.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '@vad/config';
import { DataError, importDataset, parseDatasetFormat, type DatasetFormat } from '@vad/data';
import {
  BACKEND_CHOICES,
  getPreset,
  isBackendChoice,
  isPresetName,
  ModelError,
  PRESET_NAMES,
  resolvePreset,
  selectBackend,
  type BackendChoice,
  type CheckpointSelection,
  type ModelPreset,
  type TrainingProgress,
} from '@vad/model';
import { trainDetector } from '@vad/jobs';
import { artifactStorage } from '@vad/runtime';
import { withSourceFiles } from '@vad/storage';
import { CliUsageError } from '../cli-error';
import { progressDisplayFor, writeLine } from '../output/progress-display';
import { nonNegativeIntegerFlag } from '../non-negative-integer-flag';
import { withLocalStore } from '../platform/local-store';
import { RemoteApi } from '../remote/remote-api';
import { remoteTrain } from '../remote/remote-commands';

export interface TrainFlags {
  dataset?: string;
  format?: string;
  preset?: string;
  epochsTeacher?: string;
  epochsStudent?: string;
  batch?: string;
  seed?: string;
  resume?: boolean;
  out?: string;
  cache?: string;
  backend?: string;
  motion?: string;
  validationVideos?: string;
  checkpointSelection?: string;
  threads?: string;
}

/** Where the training videos come from: a data set folder, or a data set recorded in the local store. */
export type TrainSource = { kind: 'folder'; path: string; format: DatasetFormat } | { kind: 'stored'; name: string };

export interface TrainPlan {
  source: TrainSource;
  preset: ModelPreset;
  seed: number;
  resume: boolean;
  /** Run folder: one checkpoint folder per epoch, selection.json at the end. */
  outDir: string;
  cacheDir: string;
  backend: BackendChoice | undefined;
  motion: 'paper' | 'reference-code';
  /**
   * Training videos held out (the last ones): their scores give the component statistics and their loss a
   * validation curve. Undefined: the default share (defaultValidationVideos).
   */
  validationVideos: number | undefined;
  /** Data-parallel replica threads; undefined: one per core on wasm, else one. */
  threads: number | undefined;
}

const isDirectory = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** Checks the flags and resolves defaults; no I/O besides checking that the data set folder exists. */
/** A model library's refusal of what the user asked for, as a usage error. */
function usageErrorOf<T>(resolve: () => T): T {
  try {
    return resolve();
  } catch (error) {
    throw error instanceof ModelError ? new CliUsageError(error.message) : error;
  }
}

export function planTrain(flags: TrainFlags, dataDir: string): TrainPlan {
  const dataset = flags.dataset;
  if (dataset === undefined) throw new CliUsageError('--dataset NAME|PATH is required');
  // a bare name (no path separator) that is not a folder is a data set recorded with `vad dataset import`
  const isStoredName = !isDirectory(dataset) && !/[\\/]/.test(dataset) && !dataset.startsWith('.');
  if (!isStoredName && !isDirectory(dataset)) {
    throw new CliUsageError(`--dataset "${dataset}" is not a folder; give a data set folder (with --format) or the name of an imported data set`);
  }
  let source: TrainSource;
  if (isStoredName) {
    source = { kind: 'stored', name: dataset };
  } else {
    if (flags.format === undefined) throw new CliUsageError('--format is required with a data set folder (ucsd, avenue, shanghaitech, ubnormal or folder)');
    try {
      source = { kind: 'folder', path: path.resolve(dataset), format: parseDatasetFormat(flags.format) };
    } catch (error) {
      throw new CliUsageError(error instanceof Error ? error.message : String(error));
    }
  }
  if (flags.preset === undefined || !isPresetName(flags.preset)) {
    throw new CliUsageError(`--preset must be one of ${PRESET_NAMES.join(', ')}, got "${flags.preset ?? ''}"`);
  }
  if (flags.backend !== undefined && !isBackendChoice(flags.backend)) {
    throw new CliUsageError(`--backend must be one of ${BACKEND_CHOICES.join(', ')}, got "${flags.backend}"`);
  }
  const motion = flags.motion ?? 'paper';
  if (motion !== 'paper' && motion !== 'reference-code') throw new CliUsageError(`--motion must be paper or reference-code, got "${motion}"`);
  const presetName = flags.preset;
  const base = getPreset(presetName);
  const validationVideos = flags.validationVideos === undefined ? undefined : nonNegativeIntegerFlag(flags.validationVideos, '--validation-videos', 0, 0);
  if (flags.checkpointSelection !== undefined && flags.checkpointSelection !== 'last-epoch' && flags.checkpointSelection !== 'validation-loss') {
    throw new CliUsageError(`--checkpoint-selection must be last-epoch or validation-loss, got "${flags.checkpointSelection}"`);
  }
  if (flags.checkpointSelection === 'validation-loss' && validationVideos === 0) {
    throw new CliUsageError('--checkpoint-selection validation-loss needs held-out videos; drop --validation-videos 0');
  }
  const preset = usageErrorOf(() =>
    resolvePreset(presetName, {
      teacherEpochs: nonNegativeIntegerFlag(flags.epochsTeacher, '--epochs-teacher', base.training.teacherEpochs, 0),
      studentEpochs: nonNegativeIntegerFlag(flags.epochsStudent, '--epochs-student', base.training.studentEpochs, 0),
      batchSize: nonNegativeIntegerFlag(flags.batch, '--batch', base.training.batchSize, 1),
      checkpointSelection: flags.checkpointSelection as CheckpointSelection | undefined,
    }),
  );
  const seed = nonNegativeIntegerFlag(flags.seed, '--seed', 0, 0);
  const datasetLabel = source.kind === 'folder' ? path.basename(source.path) : source.name;
  const outDir = path.resolve(flags.out ?? path.join(dataDir, 'models', `${datasetLabel}-${base.name}-seed${seed}`));
  return {
    source,
    preset,
    seed,
    resume: flags.resume === true,
    outDir,
    cacheDir: path.resolve(flags.cache ?? path.join(dataDir, 'cache', 'frames')),
    backend: flags.backend as BackendChoice | undefined,
    motion,
    validationVideos,
    threads: flags.threads === undefined ? undefined : nonNegativeIntegerFlag(flags.threads, '--threads', 1, 1),
  };
}

/** One stderr line per progress report worth showing (at most one every `intervalMs`, and every epoch end). */
export function progressLine(p: TrainingProgress): string {
  const eta = p.etaSeconds === null ? '' : `, ETA ${Math.round(p.etaSeconds / 60)} min`;
  const steps = p.stepsPerEpoch === null ? `${p.step}` : `${p.step}/${p.stepsPerEpoch}`;
  return `vad train: stage ${p.stage} epoch ${p.epoch}/${p.totalEpochs} step ${steps} loss ${p.loss.toFixed(5)} (${p.framesPerSecond.toFixed(1)} frames/s${eta})`;
}

async function withUsageErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DataError || (error instanceof ModelError && error.code !== 'MODEL_TRAINING_FAILED')) throw new CliUsageError(error.message);
    throw error;
  }
}

interface TrainingVideos {
  name: string;
  version: string;
  /** Each video's file: a storage key (uploads) or an absolute path (folders). */
  videos: { name: string; location: string; checksum: string }[];
}

/** The training videos of a data set folder, or of the latest version of a data set in the local store. */
async function trainingVideos(source: TrainSource): Promise<TrainingVideos> {
  if (source.kind === 'folder') {
    const dataset = await importDataset(source.path, { format: source.format, verifyDecode: false });
    const videos = dataset.videos.filter((v) => v.split === 'train').map((v) => ({ name: v.name, location: v.sourcePath, checksum: v.checksum }));
    return { name: dataset.name, version: dataset.summary.datasetVersion, videos };
  }
  return withLocalStore(undefined, async (database, teamId) => {
    const version = await database.prisma.datasetVersion.findFirst({
      where: { dataset: { teamId, name: source.name } },
      orderBy: { number: 'desc' },
      include: { videos: { where: { split: 'TRAIN' }, orderBy: { name: 'asc' } } },
    });
    if (!version) throw new CliUsageError(`no data set "${source.name}" in the local store; import it with \`vad dataset import\` or give its folder`);
    return {
      name: `${source.name} v${version.number}`,
      version: version.contentHash,
      videos: version.videos.map((v) => ({ name: v.name, location: v.path, checksum: v.checksum })),
    };
  });
}

export async function runTrain(plan: TrainPlan, log: (line: string) => void = writeLine) {
  const display = progressDisplayFor(log);
  return withUsageErrors(async () => {
    const backend = await selectBackend({ backend: plan.backend, log });
    const dataset = await trainingVideos(plan.source);
    const videos = dataset.videos;
    if (plan.validationVideos !== undefined && videos.length <= plan.validationVideos) {
      throw new CliUsageError(`${dataset.name} has ${videos.length} training videos; --validation-videos ${plan.validationVideos} leaves none to train on`);
    }
    log(`vad train: ${videos.length} training videos of ${dataset.name}; decoding into the frame cache ${plan.cacheDir} when needed`);
    const controller = new AbortController();
    const stop = () => {
      display.log('vad train: stopping after the current step (the last complete epoch is kept)');
      controller.abort();
    };
    process.once('SIGINT', stop);
    try {
      const storage = artifactStorage(loadConfig(process.env, process.cwd()));
      const result = await withSourceFiles(
        storage,
        videos.map((v) => v.location),
        (files) =>
          trainDetector({
            videos: videos.map((v, i) => ({ name: v.name, sourcePath: files[i], checksum: v.checksum })),
            preset: plan.preset,
            seed: plan.seed,
            outDir: plan.outDir,
            cacheDir: plan.cacheDir,
            resume: plan.resume,
            motion: plan.motion,
            validationVideos: plan.validationVideos,
            datasetVersion: dataset.version,
            threads: plan.threads,
            signal: controller.signal,
            onProgress: (p) => {
              const fraction = p.stepsPerEpoch === null ? null : ((p.epoch - 1) * p.stepsPerEpoch + p.step) / (p.totalEpochs * p.stepsPerEpoch);
              display.update(fraction, progressLine(p), p.step === p.stepsPerEpoch);
            },
            onLog: (line) => display.log(`vad train: ${line}`),
          }),
      );
      // the bar's line ends before the summary goes to stdout
      display.finish();
      const summary = {
        status: result.status,
        run: plan.outDir,
        backend: backend.choice,
        preset: plan.preset.name,
        seed: plan.seed,
        datasetVersion: dataset.version,
        epochsCompleted: result.epochsCompleted,
        resumedFrom: result.resumedFrom,
        selectedCheckpoint: result.selectedCheckpoint,
        selection: result.selection,
        componentStatistics: result.componentStatistics?.source ?? null,
        history: result.history.map((r) => ({ epoch: r.epoch, stage: r.stage, loss: r.loss, validationLoss: r.validationLoss, seconds: r.seconds })),
      };
      process.stdout.write(`${JSON.stringify(summary)}\n`);
      if (result.status === 'cancelled') process.exitCode = 130;
      return summary;
    } finally {
      display.finish();
      process.removeListener('SIGINT', stop);
    }
  });
}

export function registerTrainCommand(program: Command): void {
  program
    .command('train')
    .description('train the self-distilled masked auto-encoder on a data set folder: teacher, then student; a checkpoint per epoch')
    .requiredOption(
      '--dataset <name|path>',
      'data set folder (with --format), or the name of a data set imported with `vad dataset import`; with --api, its name on the server',
    )
    .option('--format <format>', 'layout of the data set folder: ucsd, avenue, shanghaitech, ubnormal or folder')
    .requiredOption('--preset <name>', `model preset: ${PRESET_NAMES.join(', ')}`)
    .option('--epochs-teacher <n>', 'stage-1 epochs (default: the preset’s)')
    .option('--epochs-student <n>', 'stage-2 epochs (default: the preset’s)')
    .option('--batch <n>', 'batch size (default: the preset’s)')
    .option('--seed <n>', 'seed of initialisation, masks, data order and synthetic anomalies (default 0)')
    .option('--resume', 'continue from the latest checkpoint in the run folder')
    .option('--out <dir>', 'run folder (default: $VAD_DATA_DIR/models/<data set>-<preset>-seed<seed>)')
    .option('--cache <dir>', 'frame cache folder (default: $VAD_DATA_DIR/cache/frames)')
    .option('--backend <name>', `${BACKEND_CHOICES.join(' | ')} (default: VAD_BACKEND, else the fastest that loads)`)
    .option('--motion <mode>', 'motion weights: paper (median-filtered consecutive frames) or reference-code (|x(t−1) − x(t+1)|)')
    .option('--threads <n>', 'data-parallel replica threads, the same model for any count (default: one per core on wasm, else one)')
    .option(
      '--validation-videos <n>',
      'hold out the last n training videos: their scores normalise the components of eq. 6, their loss is reported per epoch (default: one in eight, none below 4 videos)',
    )
    .option('--checkpoint-selection <rule>', 'last-epoch or validation-loss (default: the preset’s)')
    .option('--model-name <name>', 'with --api: the model to add a version to (default <data set>-<preset>)')
    .action(async (flags: TrainFlags & { modelName?: string }, command: Command) => {
      const remote = RemoteApi.from(command.optsWithGlobals());
      if (remote) return remoteTrain(remote, flags);
      const { dataDir } = loadConfig(process.env, process.cwd());
      await runTrain(planTrain(flags, dataDir));
    });
}
