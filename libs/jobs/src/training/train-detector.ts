// Trains the detector on a set of training videos: the one training path of the platform, used by the
// TRAIN job handler and by `vad train`. Videos are decoded once into the frame cache. A validation split
// is carved from the training videos (never the test set): its loss is reported every epoch (and selects
// the checkpoint when the training config asks for that), and the selected checkpoint's scores on it give
// the component statistics that normalise eq. 6 (component-statistics-file.ts) and, with pseudo-anomalies
// made in it, the weights of eq. 6 (chosen-component-weights.ts).
import {
  createDefaultObjectSource,
  createTrainingBatches,
  FrameCache,
  planTrainingBatches,
  openCachedVideos,
  SYNTHETIC_ANOMALY_PROBABILITY,
  type AnomalyObjectSource,
  type CacheableVideo,
  type FrameStore,
  type TrainingBatchOptions,
} from '@vad/data';
import {
  defaultTrainingReplicas,
  loadDetector,
  trainModel,
  type BackendChoice,
  type ModelPreset,
  type EpochRecord,
  type TrainModelResult,
  type TrainingProgress,
} from '@vad/model';
import { chooseWeightsOnPseudoAnomalies } from '../scoring/chosen-component-weights';
import { measureComponentStatistics, writeComponentStatistics, type StoredComponentStatistics } from '../scoring/component-statistics-file';
import type { PseudoAnomalyBatchOptions } from '../scoring/pseudo-anomaly-sets';

export interface TrainDetectorRequest {
  videos: CacheableVideo[];
  preset: ModelPreset;
  seed: number;
  /** Run folder: a checkpoint folder per epoch; an existing run there is resumed when `resume` is set. */
  outDir: string;
  cacheDir: string;
  /** Disk budget of the frame cache (default DEFAULT_FRAME_CACHE_BYTES). */
  frameCacheBytes?: number;
  resume: boolean;
  motion: 'paper' | 'reference-code';
  /** The last n training videos become the validation split (default: defaultValidationVideos). */
  validationVideos?: number;
  datasetVersion: string;
  /** Data-parallel replica threads (default: one per core on wasm, else one); the model is the same either way. */
  threads?: number;
  /** tfjs backend of the replica threads (default wasm). */
  replicaBackend?: BackendChoice;
  signal?: AbortSignal;
  onProgress?: (progress: TrainingProgress) => void;
  /** Each finished epoch, once its checkpoint is on disk. */
  onEpoch?: (record: EpochRecord) => void;
  /** What a person following the run wants to read: threads, epochs, where statistics came from. */
  onLog?: (line: string) => void;
}

export interface TrainDetectorResult extends Omit<TrainModelResult, 'detector'> {
  parameterCount: number;
  /** Measured on the selected checkpoint and stored beside it; null when training did not complete. */
  componentStatistics: StoredComponentStatistics | null;
}

/** One training video in eight is held out (at least one from 4 videos on; none below). */
export function defaultValidationVideos(trainingVideos: number): number {
  return trainingVideos < 4 ? 0 : Math.max(1, Math.round(trainingVideos / 8));
}

interface PreparedVideos {
  training: FrameStore[];
  validation: FrameStore[];
  objectSource: AnomalyObjectSource | undefined;
  batch: PseudoAnomalyBatchOptions & Pick<TrainingBatchOptions, 'syntheticAnomalyProbability' | 'objectSource'>;
  close: () => Promise<void>;
}

type VideoRequest = Pick<TrainDetectorRequest, 'videos' | 'preset' | 'seed' | 'cacheDir' | 'frameCacheBytes' | 'motion' | 'validationVideos'>;

/** Opens the training and validation videos and the batch settings every use of them shares. */
async function prepareVideos(request: VideoRequest): Promise<PreparedVideos> {
  const { model: config, training } = request.preset;
  const validationVideos = request.validationVideos ?? defaultValidationVideos(request.videos.length);
  if (request.videos.length <= validationVideos) {
    throw new RangeError(`${request.videos.length} training videos; a validation split of ${validationVideos} leaves none to train on`);
  }
  const geometry = { width: config.inputWidth, height: config.inputHeight, colour: config.colour };
  const opened = await openCachedVideos(new FrameCache(request.cacheDir, { maxBytes: request.frameCacheBytes }), request.videos, geometry);
  const close = () => Promise.all(opened.map((store) => store.close())).then(() => undefined);
  try {
    const stores = opened.slice(0, opened.length - validationVideos);
    // Objects cut from the data set's own moving regions, mixed with procedural shapes (docs/method.md §6).
    const objectSource = config.ablation.syntheticData ? await createDefaultObjectSource(stores, { seed: request.seed }) : undefined;
    return {
      training: stores,
      validation: opened.slice(opened.length - validationVideos),
      objectSource,
      batch: {
        patchSize: config.patchSize,
        batchSize: training.batchSize,
        inputMode: config.temporalInput === 'stack-t3' ? 'neighbours' : 'single',
        colour: config.colour,
        motion: request.motion,
        syntheticAnomalyProbability: config.ablation.syntheticData ? SYNTHETIC_ANOMALY_PROBABILITY : 0,
        objectSource,
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Measures a checkpoint's component statistics and, with held-out videos, chooses its eq. 6 weights on
 * pseudo-anomalies in them; writes both beside the checkpoint.
 */
async function calibrateScoring(
  checkpoint: string,
  videos: PreparedVideos,
  seed: number,
  signal?: AbortSignal,
  onLog?: (line: string) => void,
): Promise<StoredComponentStatistics> {
  // Held-out videos when there are some; otherwise the training videos themselves, and the file says so.
  const heldOut = videos.validation.length > 0;
  const selected = await loadDetector(checkpoint);
  let stored: StoredComponentStatistics;
  try {
    stored = await measureComponentStatistics(selected.detector, heldOut ? videos.validation : videos.training, { heldOut, signal });
    onLog?.(`component statistics from ${stored.source.frames} frames of ${heldOut ? 'held-out' : 'training'} videos ${stored.source.videos.join(', ')}`);
    if (heldOut) {
      const request = { detector: selected.detector, videos: videos.validation, objectSource: videos.objectSource, batch: videos.batch, seed, signal };
      stored = await chooseWeightsOnPseudoAnomalies(request, stored);
      onLog?.(`eq. 6 weights ${describeWeights(stored)}`);
    } else {
      onLog?.("no held-out video: the paper's eq. 6 weights apply");
    }
  } finally {
    selected.detector.dispose();
  }
  await writeComponentStatistics(checkpoint, stored);
  return stored;
}

function describeWeights(stored: StoredComponentStatistics): string {
  const { weights } = stored.statistics;
  const choice = stored.weightChoice;
  if (weights === undefined || choice === undefined) return 'not chosen';
  const aucs = (byName: Readonly<Record<string, number>>) =>
    Object.entries(byName)
      .map(([name, auc]) => `${name} ${(100 * auc).toFixed(1)}`)
      .join(', ');
  return (
    `α ${weights.teacherError.toFixed(1)} β ${weights.discrepancy.toFixed(1)} γ ${weights.classifier.toFixed(1)}, chosen on pseudo-anomalies in held-out training videos ` +
    `(AUC ${aucs(choice.aucBySet)}; the paper's weights: ${aucs(choice.referenceAucBySet)})`
  );
}

/** Calibrates an existing checkpoint again on the same split (e.g. one trained before weights were chosen). */
export async function recalibrateCheckpoint(
  request: VideoRequest & { onLog?: (line: string) => void },
  checkpoint: string,
): Promise<StoredComponentStatistics> {
  const videos = await prepareVideos(request);
  try {
    return await calibrateScoring(checkpoint, videos, request.seed, undefined, request.onLog);
  } finally {
    await videos.close();
  }
}

export async function trainDetector(request: TrainDetectorRequest): Promise<TrainDetectorResult> {
  const { model: config, training } = request.preset;
  const videos = await prepareVideos(request);
  try {
    const { training: stores, validation, batch: batchOptions } = videos;
    const threads = request.threads ?? defaultTrainingReplicas({ batchSize: training.batchSize });
    if (threads > 1) request.onLog?.(`training on ${threads} replica threads (data-parallel)`);
    const { batches: stepsPerEpoch } = planTrainingBatches({ ...batchOptions, videos: stores, seed: request.seed });
    const result = await trainModel({
      config,
      stepsPerEpoch,
      replicas: threads,
      replicaBackend: request.replicaBackend,
      training,
      seed: request.seed,
      checkpointDir: request.outDir,
      resume: request.resume,
      datasetVersion: request.datasetVersion,
      signal: request.signal,
      batches: (context) => createTrainingBatches({ ...batchOptions, videos: stores, seed: context.seed, epoch: context.epoch }),
      // the same validation samples every epoch, so that their losses compare
      validationBatches:
        validation.length === 0
          ? undefined
          : () => createTrainingBatches({ ...batchOptions, videos: validation, seed: request.seed, epoch: 0, shuffle: false }),
      onProgress: request.onProgress,
      onEpoch: (record, checkpoint) => {
        const validationLoss = record.validationLoss === null ? '' : `, validation loss ${record.validationLoss.toFixed(5)}`;
        request.onLog?.(`epoch ${record.epoch} done, loss ${record.loss.toFixed(5)}${validationLoss}, ${record.seconds.toFixed(0)} s → ${checkpoint}`);
        request.onEpoch?.(record);
      },
    });
    const { detector, ...rest } = result;
    const parameterCount = detector.parameters.trainableSize();
    detector.dispose();
    const componentStatistics =
      result.status === 'completed' && result.selectedCheckpoint !== null
        ? await calibrateScoring(result.selectedCheckpoint, videos, request.seed, request.signal, request.onLog)
        : null;
    return { ...rest, parameterCount, componentStatistics };
  } finally {
    await videos.close();
  }
}
