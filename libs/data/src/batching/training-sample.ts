// Builds one training sample into a batch's arrays: the input frame(s) with an optional synthetic
// anomaly, the clean target plus anomaly map, and the motion-gradient token weights (docs/method.md §2, §4, §6).
import type { FrameStore } from '../cache/frame-store';
import type { Random } from '../random/seeded-random';
import { absoluteDifference, boostGradient, type MotionMode, motionFramePair, motionGradient } from '../signals/motion-gradient';
import { tokenWeightsInto } from '../signals/token-weights';
import type { AnomalyObjectSource } from '../synthetic/anomaly-object';
import { renderSyntheticAnomaly, sampleSyntheticAnomaly, type SyntheticAnomalyOptions } from '../synthetic/synthetic-anomaly';
import type { TrainingBatch } from './training-batch';

export type InputMode = 'single' | 'neighbours';

export interface SampleSettings {
  inputMode: InputMode;
  motion: MotionMode;
  patchSize: number;
  syntheticAnomalyProbability: number;
  objectSource: AnomalyObjectSource;
  syntheticAnomaly: SyntheticAnomalyOptions;
  anomalyWeightBoost: number;
  neighbourOffset: number;
}

/** Frame indices the input stacks: t alone, or t−k, t, t+k with a missing neighbour replaced by t (docs/method.md §2). */
export function inputFrameIndices(mode: InputMode, t: number, frameCount: number, offset: number): number[] {
  if (mode === 'single') return [t];
  const before = t - offset >= 0 ? t - offset : t;
  const after = t + offset < frameCount ? t + offset : t;
  return [before, t, after];
}

/** uint8 → [−1, 1]: v / 127.5 − 1. */
const UNIT_SCALE = 1 / 127.5;

/**
 * Writes sample `slot` of `batch` from frame t of `video`. `filtered`, when given, holds the same video's
 * frames already 3×3-median-filtered, which the paper's motion gradient then reads instead of filtering.
 */
export async function writeTrainingSample(
  batch: TrainingBatch,
  slot: number,
  video: FrameStore,
  t: number,
  settings: SampleSettings,
  random: Random,
  filtered?: FrameStore,
): Promise<void> {
  const { width, height, channels } = video;
  const shape = { width, height, channels };
  const pixels = width * height;
  const inputs = inputFrameIndices(settings.inputMode, t, video.frameCount, settings.neighbourOffset);
  const [earlier, later] = motionFramePair(settings.motion, t, video.frameCount);
  const prefiltered = settings.motion === 'paper' && filtered !== undefined;
  const wanted = [...new Set(prefiltered ? [...inputs] : [...inputs, earlier, later])];
  const [read, motionPair] = await Promise.all([
    Promise.all(wanted.map((i) => video.readFrame(i))),
    prefiltered ? Promise.all([filtered.readFrame(earlier), filtered.readFrame(later)]) : undefined,
  ]);
  const frameAt = (i: number) => read[wanted.indexOf(i)];
  const clean = frameAt(t);

  const hasAnomaly = random.chance(settings.syntheticAnomalyProbability);
  const map = new Uint8Array(pixels);
  let inputFrames = inputs.map(frameAt);
  if (hasAnomaly) {
    const anomaly = sampleSyntheticAnomaly(random, settings.objectSource, shape, settings.syntheticAnomaly);
    // The object keeps moving along its trajectory in the neighbouring frames of the stack; the map is
    // where it is in frame t (the stack's centre).
    const centre = settings.inputMode === 'single' ? 0 : 1;
    inputFrames = inputs.map((index, k) => {
      const copy = frameAt(index).slice();
      renderSyntheticAnomaly(anomaly, copy, shape, index - t, k === centre ? map : undefined);
      return copy;
    });
  }

  // Plain loops over local references: this copy runs for every pixel of every sample.
  const input = batch.input;
  const inputChannels = batch.inputChannels;
  const inputBase = slot * pixels * inputChannels;
  for (let f = 0; f < inputFrames.length; f++) {
    const frame = inputFrames[f];
    for (let p = 0; p < pixels; p++) {
      const to = inputBase + p * inputChannels + f * channels;
      const from = p * channels;
      for (let c = 0; c < channels; c++) input[to + c] = frame[from + c] * UNIT_SCALE - 1;
    }
  }
  const target = batch.target;
  const targetChannels = batch.targetChannels;
  const targetBase = slot * pixels * targetChannels;
  for (let p = 0; p < pixels; p++) {
    const to = targetBase + p * targetChannels;
    const from = p * channels;
    for (let c = 0; c < channels; c++) target[to + c] = clean[from + c] * UNIT_SCALE - 1;
    target[to + channels] = map[p];
  }

  const gradient =
    motionPair !== undefined ? absoluteDifference(motionPair[0], motionPair[1]) : motionGradient(settings.motion, frameAt(earlier), frameAt(later), shape);
  if (hasAnomaly) boostGradient(gradient, map, channels, settings.anomalyWeightBoost);
  const tokens = (width / settings.patchSize) * (height / settings.patchSize);
  tokenWeightsInto(batch.tokenWeights, slot * tokens, gradient, shape, settings.patchSize);
  batch.hasAnomaly[slot] = hasAnomaly ? 1 : 0;
}
