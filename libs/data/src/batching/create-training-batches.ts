// The training data stream: shuffled mini-batches of (input, target, token weights, has-anomaly) built
// from cached frames, with the next batch prepared while the model computes on the current one.
// Everything random derives from (seed, epoch, sample position), so a run is reproducible whatever
// the timing of the prefetch.
import type { FrameStore } from '../cache/frame-store';
import { DataError, DataErrorCode } from '../data.error';
import { CHANNELS_OF, type ColourMode } from '../decode/frame-decoder';
import { createRandom, combineSeeds, shuffleInPlace } from '../random/seeded-random';
import type { MotionMode } from '../signals/motion-gradient';
import { tokenGrid } from '../signals/token-weights';
import type { AnomalyObjectSource } from '../synthetic/anomaly-object';
import { createProceduralShapeSource } from '../synthetic/procedural-shapes';
import { DEFAULT_SYNTHETIC_ANOMALY_OPTIONS, type SyntheticAnomalyOptions } from '../synthetic/synthetic-anomaly';
import type { TrainingBatch } from './training-batch';
import { type InputMode, type SampleSettings, writeTrainingSample } from './training-sample';

/** The method's share of training samples that receive a synthetic anomaly (docs/method.md §6). */
export const SYNTHETIC_ANOMALY_PROBABILITY = 0.25;
/** Motion value (0–255 scale) added where a pasted anomaly lies, so that it always weighs a lot (docs/method.md §4). */
export const SYNTHETIC_ANOMALY_MOTION_FLOOR = 128;

export interface TrainingBatchOptions {
  /** Training videos at the model's input size (e.g. from openCachedVideo); all of one size and colour. */
  videos: readonly FrameStore[];
  /**
   * The same videos' frames 3×3-median-filtered (openMedianFilteredFrames), in the same order: the paper's
   * motion gradients then cost two reads instead of two filters per sample. Optional.
   */
  medianFiltered?: readonly FrameStore[];
  /** Patch size d of the token weights (Ped2 4, Avenue 16, ShanghaiTech and UBnormal 8 in the paper). */
  patchSize: number;
  batchSize: number;
  /** 'single': frame t; 'neighbours': frames t−3, t, t+3 stacked on the channel axis (reference code). */
  inputMode: InputMode;
  colour: ColourMode;
  /** 'paper': |median(x_t) − median(x_{t−1})|; 'reference-code': |x_{t−1} − x_{t+1}|. */
  motion: MotionMode;
  /** Probability that a sample gets a synthetic anomaly (default SYNTHETIC_ANOMALY_PROBABILITY). */
  syntheticAnomalyProbability?: number;
  /** Where pasted objects come from; default procedural shapes only. */
  objectSource?: AnomalyObjectSource;
  syntheticAnomaly?: Partial<SyntheticAnomalyOptions>;
  /** Added to the motion gradient where the anomaly map is 1 (default SYNTHETIC_ANOMALY_MOTION_FLOOR). */
  anomalyWeightBoost?: number;
  /** Distance of the neighbours in 'neighbours' mode (reference code: 3). */
  neighbourOffset?: number;
  seed: number;
  /** Each epoch has its own order and anomalies. */
  epoch?: number;
  shuffle?: boolean;
  /** Drop a last batch smaller than batchSize (default false). */
  dropLast?: boolean;
  /** Batches prepared ahead of the one being consumed (default 1). */
  prefetch?: number;
  signal?: AbortSignal;
}

export interface TrainingBatchPlan {
  samples: number;
  batches: number;
  height: number;
  width: number;
  inputChannels: number;
  targetChannels: number;
  tokens: number;
}

function invalid(message: string): DataError {
  return new DataError(DataErrorCode.InvalidOptions, message);
}

/** Checks the options and returns the shapes and counts of an epoch. */
export function planTrainingBatches(options: TrainingBatchOptions): TrainingBatchPlan {
  const { videos, batchSize } = options;
  if (videos.length === 0) throw invalid('training needs at least one video');
  const { width, height, channels } = videos[0];
  const mismatch = videos.find((v) => v.width !== width || v.height !== height || v.channels !== channels);
  if (mismatch !== undefined)
    throw invalid(
      `video ${mismatch.name} is ${mismatch.width}×${mismatch.height}×${mismatch.channels}, unlike ${videos[0].name} (${width}×${height}×${channels})`,
    );
  const filtered = options.medianFiltered;
  if (
    filtered !== undefined &&
    (filtered.length !== videos.length ||
      filtered.some((f, i) => f.frameCount !== videos[i].frameCount || f.width !== width || f.height !== height || f.channels !== channels))
  ) {
    throw invalid('medianFiltered must hold one store per video, with the same frame counts, size and channels');
  }
  if (channels !== CHANNELS_OF[options.colour])
    throw invalid(`colour "${options.colour}" needs ${CHANNELS_OF[options.colour]} channel(s) but the frames have ${channels}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw invalid(`batch size must be a positive integer, got ${batchSize}`);
  const p = options.syntheticAnomalyProbability ?? SYNTHETIC_ANOMALY_PROBABILITY;
  if (!(p >= 0 && p <= 1)) throw invalid(`synthetic anomaly probability must be between 0 and 1, got ${p}`);
  const { rows, cols } = tokenGrid({ width, height }, options.patchSize);
  const samples = videos.reduce((sum, v) => sum + v.frameCount, 0);
  if (samples === 0) throw invalid('the training videos have no frames');
  const batches = options.dropLast ? Math.floor(samples / batchSize) : Math.ceil(samples / batchSize);
  const inputChannels = options.inputMode === 'neighbours' ? 3 * channels : channels;
  return { samples, batches, height, width, inputChannels, targetChannels: channels + 1, tokens: rows * cols };
}

export function createTrainingBatches(options: TrainingBatchOptions): AsyncIterable<TrainingBatch> {
  const plan = planTrainingBatches(options);
  const epoch = options.epoch ?? 0;
  const settings: SampleSettings = {
    inputMode: options.inputMode,
    motion: options.motion,
    patchSize: options.patchSize,
    syntheticAnomalyProbability: options.syntheticAnomalyProbability ?? SYNTHETIC_ANOMALY_PROBABILITY,
    objectSource: options.objectSource ?? createProceduralShapeSource(),
    syntheticAnomaly: { ...DEFAULT_SYNTHETIC_ANOMALY_OPTIONS, ...options.syntheticAnomaly },
    anomalyWeightBoost: options.anomalyWeightBoost ?? SYNTHETIC_ANOMALY_MOTION_FLOOR,
    neighbourOffset: options.neighbourOffset ?? 3,
  };
  const order: Array<[video: number, frame: number]> = options.videos.flatMap((v, i) =>
    Array.from({ length: v.frameCount }, (_, t): [number, number] => [i, t]),
  );
  if (options.shuffle ?? true) shuffleInPlace(order, createRandom(combineSeeds(options.seed, epoch, 0x5f3759df)));

  const build = async (index: number): Promise<TrainingBatch> => {
    const first = index * options.batchSize;
    const size = Math.min(options.batchSize, plan.samples - first);
    const pixels = plan.width * plan.height;
    const batch: TrainingBatch = {
      size,
      height: plan.height,
      width: plan.width,
      inputChannels: plan.inputChannels,
      targetChannels: plan.targetChannels,
      patchSize: options.patchSize,
      input: new Float32Array(size * pixels * plan.inputChannels),
      target: new Float32Array(size * pixels * plan.targetChannels),
      tokenWeights: new Float32Array(size * plan.tokens),
      hasAnomaly: new Float32Array(size),
    };
    await Promise.all(
      Array.from({ length: size }, (_, slot) => {
        const [video, frame] = order[first + slot];
        const random = createRandom(combineSeeds(options.seed, epoch, first + slot));
        return writeTrainingSample(batch, slot, options.videos[video], frame, settings, random, options.medianFiltered?.[video]);
      }),
    );
    return batch;
  };

  const prefetch = Math.max(0, options.prefetch ?? 1);
  return {
    async *[Symbol.asyncIterator]() {
      const pending: Array<Promise<TrainingBatch>> = [];
      let next = 0;
      const start = () => {
        const promise = build(next++);
        // A batch abandoned when the consumer stops early must not surface as an unhandled rejection.
        promise.catch(() => undefined);
        pending.push(promise);
      };
      while (pending.length > 0 || next < plan.batches) {
        if (options.signal?.aborted) throw new DataError(DataErrorCode.Cancelled, 'batching was cancelled');
        if (pending.length === 0) start();
        const batch = await (pending.shift() as Promise<TrainingBatch>);
        // Keep `prefetch` batches in preparation while the consumer works on this one.
        while (pending.length < prefetch && next < plan.batches) start();
        yield batch;
      }
    },
  };
}
