// Trains the detector on a set of training videos: the one training path of the platform, used by the
// TRAIN job handler and by `vad train`. Videos are decoded once into the frame cache; a validation split,
// when asked for, is carved from the training videos (never the test set) to select the checkpoint.
import {
  createDefaultObjectSource,
  createTrainingBatches,
  FrameCache,
  planTrainingBatches,
  openCachedVideos,
  type CacheableVideo,
} from '@vad/data';
import { defaultTrainingReplicas, trainModel, type BackendChoice, type ModelPreset, type TrainModelResult, type TrainingProgress } from '@vad/model';

export interface TrainDetectorRequest {
  videos: CacheableVideo[];
  preset: ModelPreset;
  seed: number;
  /** Run folder: a checkpoint folder per epoch; an existing run there is resumed when `resume` is set. */
  outDir: string;
  cacheDir: string;
  resume: boolean;
  motion: 'paper' | 'reference-code';
  /** The last n training videos become the validation split (0: select the last epoch). */
  validationVideos: number;
  datasetVersion: string;
  /** Data-parallel replica threads (default: one per core on wasm, else one); the model is the same either way. */
  threads?: number;
  /** tfjs backend of the replica threads (default wasm). */
  replicaBackend?: BackendChoice;
  signal?: AbortSignal;
  onProgress?: (progress: TrainingProgress) => void;
  onEpoch?: (line: string) => void;
}

export interface TrainDetectorResult extends Omit<TrainModelResult, 'detector'> {
  parameterCount: number;
}

export async function trainDetector(request: TrainDetectorRequest): Promise<TrainDetectorResult> {
  const { model: config, training } = request.preset;
  if (request.videos.length <= request.validationVideos) {
    throw new RangeError(`${request.videos.length} training videos; a validation split of ${request.validationVideos} leaves none to train on`);
  }
  const geometry = { width: config.inputWidth, height: config.inputHeight, colour: config.colour };
  const opened = await openCachedVideos(new FrameCache(request.cacheDir), request.videos, geometry);
  try {
    const stores = opened.slice(0, opened.length - request.validationVideos);
    const validation = opened.slice(opened.length - request.validationVideos);
    // Objects cut from the data set's own moving regions, mixed with procedural shapes (METHOD.md §6).
    const objectSource = config.ablation.syntheticData ? await createDefaultObjectSource(stores, { seed: request.seed }) : undefined;
    const batchOptions = {
      patchSize: config.patchSize,
      batchSize: training.batchSize,
      inputMode: config.temporalInput === 'stack-t3' ? ('neighbours' as const) : ('single' as const),
      colour: config.colour,
      motion: request.motion,
      syntheticAnomalyProbability: config.ablation.syntheticData ? 0.25 : 0,
      objectSource,
    };
    const threads = request.threads ?? defaultTrainingReplicas({ batchSize: training.batchSize });
    if (threads > 1) request.onEpoch?.(`training on ${threads} replica threads (data-parallel)`);
    const { batches: stepsPerEpoch } = planTrainingBatches({ ...batchOptions, videos: stores, seed: request.seed });
    const result = await trainModel({
      config,
      stepsPerEpoch,
      replicas: threads,
      replicaBackend: request.replicaBackend,
      training: request.validationVideos > 0 ? { ...training, checkpointSelection: 'validation-loss' } : training,
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
      onEpoch: (record, checkpoint) =>
        request.onEpoch?.(`epoch ${record.epoch} done, loss ${record.loss.toFixed(5)}, ${record.seconds.toFixed(0)} s → ${checkpoint}`),
    });
    const { detector, ...rest } = result;
    const parameterCount = detector.parameters.trainableSize();
    detector.dispose();
    return { ...rest, parameterCount };
  } finally {
    await Promise.all(opened.map((store) => store.close()));
  }
}
