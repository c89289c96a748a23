// A whole training run (docs/method.md §5): stage 1 (encoder + teacher + classifier) for `teacherEpochs`, then
// stage 2 (student only) for `studentEpochs`, a checkpoint after every epoch, exact resume from the
// latest one, progress reports and cooperative cancellation. Batches come from the caller (libs/data in
// production, synthetic arrays in tests), one iterable per epoch, built from a per-epoch seed so that a
// resumed run sees the same data in the same order. The reported checkpoint is chosen by a recorded rule
// that never looks at test labels: the last epoch, or the lowest loss on a validation split.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { INFERENCE } from '../blocks/forward-mode';
import type { ModelConfig, TrainingConfig } from '../config/model-config';
import { assertValidModelConfig, assertValidTrainingConfig } from '../config/validate-model-config';
import { Detector } from '../detector/detector';
import { ModelError, ModelErrorCode } from '../model.error';
import { deriveSeed, SeededRandom } from '@vad/data/random';
import type { EpochRecord } from '../checkpoints/checkpoint-state';
import { latestCheckpoint } from '../checkpoints/latest-checkpoint';
import { loadCheckpoint } from '../checkpoints/load-checkpoint';
import { detectorFromCheckpoint } from '../checkpoints/load-detector';
import { saveCheckpoint } from '../checkpoints/save-checkpoint';
import { checkpointFolderName } from '../checkpoints/checkpoint-state';
import { SELECTION_FILE, type RunSelection } from '../checkpoints/resolve-checkpoint';
import type { BackendChoice } from '../backends/select-backend';
import type { OptimizerSnapshot } from './adam-optimizer';
import { batchTensors, disposeBatchTensors } from './batch-tensors';
import { DataParallelReplicas } from './parallel/data-parallel-replicas';
import { LocalStepRunner, type StepRunner } from './step-runner';
import type { TrainingBatch } from './training-batch';
import { estimateSecondsLeft, type TrainingProgress } from './training-progress';
import { stageLoss, trainingMask, type TrainingStage } from './training-step';

/** What the batch source is told about the epoch it must produce. */
export interface EpochContext {
  /** 1-based epoch over both stages. */
  epoch: number;
  stage: TrainingStage;
  /** Seed for this epoch's shuffling and augmentation (derived from the run's seed and the epoch). */
  seed: number;
}

/** One iterable of batches per epoch. */
export type BatchSource = (context: EpochContext) => AsyncIterable<TrainingBatch> | Iterable<TrainingBatch>;

export interface TrainModelOptions {
  config: ModelConfig;
  training: TrainingConfig;
  /** Base seed: initialisation, masks, dropout and (through EpochContext) data order and augmentation. */
  seed: number;
  batches: BatchSource;
  /** Batches of a validation split carved from training videos; needed by checkpointSelection validation-loss. */
  validationBatches?: BatchSource;
  /** Folder of this run's checkpoints (epoch-0001, ...); none are written without it. */
  checkpointDir?: string;
  /** Continue from the latest checkpoint in checkpointDir, if there is one. */
  resume?: boolean;
  /** Content hash of the training data set, stored in every checkpoint. */
  datasetVersion?: string;
  onProgress?: (progress: TrainingProgress) => void;
  /** Called after each epoch with its record and the checkpoint written (or null). */
  onEpoch?: (record: EpochRecord, checkpoint: string | null) => void;
  /** Cooperative cancellation, checked before every step. */
  signal?: AbortSignal;
  /** Steps per epoch, if known in advance (improves the first epoch's ETA). */
  stepsPerEpoch?: number;
  /** Milliseconds clock (default performance.now). */
  now?: () => number;
  /**
   * Worker threads that share each batch (data-parallel, one wasm instance per core); 1 or unset
   * trains in this thread. The same seed gives the same model either way, up to rounding.
   */
  replicas?: number;
  /** tfjs backend of the replica threads (default wasm). */
  replicaBackend?: BackendChoice;
}

export interface TrainModelResult {
  status: 'completed' | 'cancelled';
  /** The model after the last step run (in memory; the caller disposes it). */
  detector: Detector;
  epochsCompleted: number;
  globalStep: number;
  history: EpochRecord[];
  resumedFrom: string | null;
  lastCheckpoint: string | null;
  /** Checkpoint picked by the selection rule (null without checkpointDir). */
  selectedCheckpoint: string | null;
  selection: { rule: TrainingConfig['checkpointSelection']; epoch: number | null };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function totalEpochs(config: ModelConfig, training: TrainingConfig): number {
  return training.teacherEpochs + (config.ablation.selfDistillation ? training.studentEpochs : 0);
}

function stageOf(epoch: number, training: TrainingConfig): TrainingStage {
  return epoch <= training.teacherEpochs ? 1 : 2;
}

/** Mean stage loss over a validation split, in inference mode, with masks from a fixed seed. */
export async function validationLoss(
  detector: Detector,
  batches: AsyncIterable<TrainingBatch> | Iterable<TrainingBatch>,
  stage: TrainingStage,
  seed: number,
): Promise<number> {
  const rng = SeededRandom.fromSeed(deriveSeed(seed, 'validation-masks'));
  let sum = 0;
  let frames = 0;
  for await (const batch of batches) {
    const tensors = batchTensors(batch, detector.config);
    try {
      const mask = trainingMask(detector, batch.size, rng);
      const loss = tf.tidy(() => stageLoss(detector, tensors, stage, mask, { backbone: INFERENCE, student: INFERENCE }, new Map()));
      const value = (await loss.data())[0];
      loss.dispose();
      sum += value * batch.size;
      frames += batch.size;
    } finally {
      disposeBatchTensors(tensors);
    }
  }
  if (frames === 0) throw new ModelError(ModelErrorCode.TrainingFailed, 'the validation split produced no batches');
  return sum / frames;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function assertTrainable(options: TrainModelOptions): void {
  const { config, training } = options;
  assertValidModelConfig(config);
  assertValidTrainingConfig(training);
  if (training.checkpointSelection === 'validation-loss' && options.validationBatches === undefined) {
    throw new ModelError(ModelErrorCode.InvalidConfig, 'checkpointSelection validation-loss needs validationBatches (a split of the training videos)');
  }
  if (training.optimizer.schedule?.decay === 'cosine' && options.stepsPerEpoch === undefined) {
    throw new ModelError(ModelErrorCode.InvalidConfig, 'a cosine learning-rate schedule decays over a stage: give stepsPerEpoch');
  }
  if (options.resume && options.checkpointDir === undefined) {
    throw new ModelError(ModelErrorCode.ResumeMismatch, 'resume needs checkpointDir');
  }
}

/** Where a run starts: a fresh model, or the latest complete checkpoint of the run folder. */
interface RunStart {
  detector: Detector;
  rng: SeededRandom;
  history: EpochRecord[];
  globalStep: number;
  /** The last epoch already trained (0 on a fresh start). */
  startEpoch: number;
  /** The optimiser state to continue with, when the next epoch is in the saved epoch's stage. */
  savedOptimizer: OptimizerSnapshot | null;
  resumedFrom: string | null;
}

async function startOrResume(options: TrainModelOptions, epochs: number): Promise<RunStart> {
  const { config, training, seed } = options;
  const latest = options.resume && options.checkpointDir !== undefined ? await latestCheckpoint(options.checkpointDir) : null;
  if (latest === null) {
    return {
      detector: Detector.create(config, seed),
      rng: SeededRandom.fromSeed(deriveSeed(seed, 'training')),
      history: [],
      globalStep: 0,
      startEpoch: 0,
      savedOptimizer: null,
      resumedFrom: null,
    };
  }
  const loaded = await loadCheckpoint(latest);
  const { state } = loaded;
  if (!sameJson(state.config, config) || !sameJson(state.training.optimizer, training.optimizer) || state.seed !== seed) {
    throw new ModelError(
      ModelErrorCode.ResumeMismatch,
      `${latest} was written with a different model config, optimiser or seed; resume with the same settings or start a new run folder`,
    );
  }
  if (state.training.teacherEpochs !== training.teacherEpochs && state.epoch > Math.min(state.training.teacherEpochs, training.teacherEpochs)) {
    throw new ModelError(ModelErrorCode.ResumeMismatch, `${latest} is past stage 1; teacherEpochs cannot change any more`);
  }
  const startEpoch = state.epoch;
  return {
    detector: detectorFromCheckpoint(loaded),
    rng: SeededRandom.fromState(state.randomState),
    history: state.history,
    globalStep: state.globalStep,
    startEpoch,
    // The optimiser state belongs to the stage of the saved epoch; a new stage starts a fresh optimiser.
    savedOptimizer: startEpoch < epochs && stageOf(startEpoch + 1, training) === state.stage ? loaded.optimizer : null,
    resumedFrom: latest,
  };
}

/** Steps run in this thread, or in replica threads that share each batch. */
async function startStepRunner(options: TrainModelOptions, detector: Detector, rng: SeededRandom): Promise<StepRunner> {
  try {
    return (options.replicas ?? 1) > 1
      ? await DataParallelReplicas.start({
          replicas: options.replicas as number,
          detector,
          optimizer: options.training.optimizer,
          rng,
          backend: options.replicaBackend,
        })
      : new LocalStepRunner(detector, options.training.optimizer, rng);
  } catch (error) {
    detector.dispose();
    throw error;
  }
}

/** The step time measured so far (a running mean over the whole run), from which progress estimates the time left. */
interface StepClock {
  now: () => number;
  secondsPerStep: number;
  measuredSteps: number;
}

interface EpochSums {
  steps: number;
  frames: number;
  lossSum: number;
  partSums: Record<string, number>;
  cancelled: boolean;
}

/** The steps of one epoch, reporting progress after each; stops before a step once the run is cancelled. */
async function runEpochSteps(
  options: TrainModelOptions,
  runner: StepRunner,
  context: EpochContext,
  run: { epochs: number; stepsPerEpoch: number | null; globalStep: number; started: number; clock: StepClock },
): Promise<EpochSums> {
  const { epoch, stage } = context;
  const { clock } = run;
  const sums: EpochSums = { steps: 0, frames: 0, lossSum: 0, partSums: {}, cancelled: false };
  for await (const batch of options.batches(context)) {
    if (options.signal?.aborted) return { ...sums, cancelled: true };
    const stepStarted = clock.now();
    const losses = await runner.step(batch, stage);
    sums.steps += 1;
    run.globalStep += 1;
    sums.frames += batch.size;
    sums.lossSum += losses.loss * batch.size;
    for (const [k, v] of Object.entries(losses)) if (k !== 'loss') sums.partSums[k] = (sums.partSums[k] ?? 0) + (v as number) * batch.size;
    const stepEnded = clock.now();
    const elapsed = (stepEnded - run.started) / 1000;
    clock.measuredSteps += 1;
    clock.secondsPerStep += ((stepEnded - stepStarted) / 1000 - clock.secondsPerStep) / clock.measuredSteps;
    options.onProgress?.({
      stage,
      epoch,
      totalEpochs: run.epochs,
      step: sums.steps,
      stepsPerEpoch: run.stepsPerEpoch,
      globalStep: run.globalStep,
      loss: losses.loss,
      parts: losses,
      framesPerSecond: elapsed > 0 ? sums.frames / elapsed : 0,
      etaSeconds: estimateSecondsLeft({
        secondsPerStep: clock.secondsPerStep,
        step: sums.steps,
        stepsPerEpoch: run.stepsPerEpoch,
        epoch,
        totalEpochs: run.epochs,
      }),
    });
    await yieldToEventLoop();
  }
  return { ...sums, cancelled: options.signal?.aborted ?? false };
}

/** Records the run's selected epoch beside its checkpoints (what a reader of the run folder loads). */
async function writeSelection(checkpointDir: string, rule: TrainingConfig['checkpointSelection'], epoch: number): Promise<void> {
  const selection: RunSelection = { format: 'vad-model-selection', rule, epoch, checkpoint: checkpointFolderName(epoch) };
  await writeFile(path.join(checkpointDir, SELECTION_FILE), JSON.stringify(selection, null, 1) + '\n');
}

export async function trainModel(options: TrainModelOptions): Promise<TrainModelResult> {
  assertTrainable(options);
  const { config, training, seed } = options;
  const clock: StepClock = { now: options.now ?? (() => performance.now()), secondsPerStep: 0, measuredSteps: 0 };
  const epochs = totalEpochs(config, training);
  const start = await startOrResume(options, epochs);
  const { detector, resumedFrom } = start;
  let { history, savedOptimizer } = start;
  const runner = await startStepRunner(options, detector, start.rng);
  const run = { epochs, globalStep: start.globalStep, stepsPerEpoch: options.stepsPerEpoch ?? (history.length > 0 ? history[history.length - 1].steps : null) };
  let runnerStage: TrainingStage | null = null;
  let lastCheckpoint: string | null = resumedFrom;
  let status: TrainModelResult['status'] = 'completed';

  try {
    for (let epoch = start.startEpoch + 1; epoch <= epochs; epoch++) {
      const stage = stageOf(epoch, training);
      if (runnerStage !== stage) {
        const stageEpochs = stage === 1 ? training.teacherEpochs : training.studentEpochs;
        await runner.beginStage({ stage, saved: savedOptimizer, stageSteps: run.stepsPerEpoch === null ? null : stageEpochs * run.stepsPerEpoch });
        savedOptimizer = null;
        runnerStage = stage;
      }
      const started = clock.now();
      const context: EpochContext = { epoch, stage, seed: deriveSeed(seed, 'data', epoch) };
      const epochRun = { ...run, started, clock };
      const { steps, frames, lossSum, partSums, cancelled } = await runEpochSteps(options, runner, context, epochRun);
      run.globalStep = epochRun.globalStep;
      if (cancelled) {
        status = 'cancelled';
        break;
      }
      if (steps === 0) throw new ModelError(ModelErrorCode.TrainingFailed, `epoch ${epoch} produced no batches`);
      run.stepsPerEpoch = steps;
      // Also brings `detector` up to date when the steps ran in replica threads.
      const state = await runner.state();
      const validation = options.validationBatches === undefined ? null : await validationLoss(detector, options.validationBatches(context), stage, seed);
      const parts = Object.fromEntries(Object.entries(partSums).map(([k, v]) => [k, v / frames]));
      const record: EpochRecord = {
        epoch,
        stage,
        steps,
        frames,
        loss: lossSum / frames,
        parts,
        validationLoss: validation,
        seconds: (clock.now() - started) / 1000,
      };
      history = [...history, record];
      let written: string | null = null;
      if (options.checkpointDir !== undefined) {
        written = await saveCheckpoint(options.checkpointDir, {
          state: {
            format: 'vad-model-checkpoint',
            formatVersion: 1,
            epoch,
            stage,
            globalStep: run.globalStep,
            seed,
            randomState: state.randomState,
            config,
            training,
            datasetVersion: options.datasetVersion ?? null,
            history,
            selectionRule: training.checkpointSelection,
          },
          weights: state.weights,
          optimizer: state.optimizer,
        });
        lastCheckpoint = written;
      }
      options.onEpoch?.(record, written);
    }
  } catch (error) {
    await runner.dispose();
    detector.dispose();
    throw error;
  }
  await runner.dispose();

  const selectedEpoch = selectEpoch(history, training.checkpointSelection, detector.hasStudent && training.studentEpochs > 0 ? 2 : 1);
  const selectedCheckpoint =
    options.checkpointDir === undefined || selectedEpoch === null ? null : path.join(options.checkpointDir, checkpointFolderName(selectedEpoch));
  if (status === 'completed' && options.checkpointDir !== undefined && selectedEpoch !== null) {
    await writeSelection(options.checkpointDir, training.checkpointSelection, selectedEpoch);
  }
  return {
    status,
    detector,
    epochsCompleted: history.length > 0 ? history[history.length - 1].epoch : 0,
    globalStep: run.globalStep,
    history,
    resumedFrom,
    lastCheckpoint,
    selectedCheckpoint,
    selection: { rule: training.checkpointSelection, epoch: selectedEpoch },
  };
}

/**
 * last-epoch: the final epoch. validation-loss: among the final stage's epochs (stage 2 trains only the
 * student, whose teacher is fixed; without a student, stage 1), the lowest validation loss.
 */
export function selectEpoch(history: readonly EpochRecord[], rule: TrainingConfig['checkpointSelection'], finalStage: TrainingStage): number | null {
  if (history.length === 0) return null;
  if (rule === 'last-epoch') return history[history.length - 1].epoch;
  const candidates = history.filter((r) => r.stage === finalStage && r.validationLoss !== null);
  if (candidates.length === 0) return history[history.length - 1].epoch;
  return candidates.reduce((best, r) => ((r.validationLoss as number) < (best.validationLoss as number) ? r : best)).epoch;
}
