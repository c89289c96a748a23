// Frames with anomalies made from training data, on which a model version chooses its α, β, γ
// (libs/metrics choose-component-weights.ts). Two kinds, so that the choice does not just reward what the
// classification head was trained on:
// - `pasted-objects`: the training's own synthetic anomalies (docs/method.md §6), pasted into HELD-OUT
//   training videos the model never saw;
// - `faster-motion`: in a third of the frame's width and height around where it moves most, the t−3 / t+3
//   neighbours are replaced by t−9 / t+9, so that what moves there moves three times as fast — a local
//   anomaly of motion, which the training never makes. (Sped up over the whole frame, the held-out videos
//   separated at AUC > 99 % whatever the weights: a check that cannot rank candidates.)
// Each kind is scored against the same frames left as they are (label 0). Test videos are never read.
import { createTrainingBatches, type AnomalyObjectSource, type FrameStore, type TrainingBatch, type TrainingBatchOptions } from '@vad/data';
import type { MapComponents, PseudoAnomalySet } from '@vad/metrics';
import { NEIGHBOUR_OFFSET, scoreModelInputs, type Detector, type FrameScore } from '@vad/model';
import { componentsOfScores } from './run-components';

/** How much faster motion is inside a `faster-motion` region. */
export const FASTER_MOTION_SPEED_UP = 3;

export type PseudoAnomalyBatchOptions = Pick<TrainingBatchOptions, 'patchSize' | 'batchSize' | 'inputMode' | 'colour' | 'motion'>;

export interface PseudoAnomalySetsRequest {
  detector: Detector;
  /** Held-out training videos at the model's input size. */
  videos: readonly FrameStore[];
  /** The training's object source (objects cut from the training videos, procedural shapes). */
  objectSource?: AnomalyObjectSource;
  batch: PseudoAnomalyBatchOptions;
  seed: number;
  signal?: AbortSignal;
}

function batches(request: PseudoAnomalySetsRequest, variant: Partial<TrainingBatchOptions>): AsyncIterator<TrainingBatch> {
  const options = { ...request.batch, videos: request.videos, seed: request.seed, shuffle: false, signal: request.signal, ...variant };
  return createTrainingBatches(options)[Symbol.asyncIterator]();
}

/** The box of a third of each side centred on the patch whose t−9 → t+9 change is largest. */
function fastestRegion(input: Float32Array, sample: number, batch: TrainingBatch, patch: number, channels: number) {
  const { width, height, inputChannels } = batch;
  const base = sample * width * height * inputChannels;
  let best = { energy: -1, x: 0, y: 0 };
  for (let py = 0; py < height; py += patch) {
    for (let px = 0; px < width; px += patch) {
      let energy = 0;
      for (let y = py; y < py + patch; y++) {
        for (let x = px; x < px + patch; x++) {
          const at = base + (y * width + x) * inputChannels;
          for (let c = 0; c < channels; c++) energy += Math.abs(input[at + 2 * channels + c] - input[at + c]);
        }
      }
      if (energy > best.energy) best = { energy, x: px + patch / 2, y: py + patch / 2 };
    }
  }
  const boxWidth = Math.round(width / 3);
  const boxHeight = Math.round(height / 3);
  const x0 = Math.min(Math.max(0, Math.round(best.x - boxWidth / 2)), width - boxWidth);
  const y0 = Math.min(Math.max(0, Math.round(best.y - boxHeight / 2)), height - boxHeight);
  return { x0, y0, x1: x0 + boxWidth, y1: y0 + boxHeight };
}

/** The normal stacks with the neighbours of the faster stacks spliced in, inside each sample's fastest region. */
function withFasterRegion(normal: TrainingBatch, faster: TrainingBatch, patch: number): Float32Array {
  const { width, height, inputChannels } = normal;
  const channels = inputChannels / 3;
  const out = normal.input.slice();
  for (let sample = 0; sample < normal.size; sample++) {
    const { x0, y0, x1, y1 } = fastestRegion(faster.input, sample, faster, patch, channels);
    const base = sample * width * height * inputChannels;
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const at = base + (y * width + x) * inputChannels;
        for (let c = 0; c < channels; c++) {
          out[at + c] = faster.input[at + c];
          out[at + 2 * channels + c] = faster.input[at + 2 * channels + c];
        }
      }
    }
  }
  return out;
}

function withLabels(name: string, normal: FrameScore[], anomalous: FrameScore[]): PseudoAnomalySet {
  const components: MapComponents = componentsOfScores([...normal, ...anomalous]);
  return { name, components, labels: [...normal.map(() => 0), ...anomalous.map(() => 1)] };
}

/** The pseudo-anomaly sets of a detector: `pasted-objects` always, `faster-motion` for stacked inputs. */
export async function pseudoAnomalySets(request: PseudoAnomalySetsRequest): Promise<PseudoAnomalySet[]> {
  const stacked = request.batch.inputMode === 'neighbours';
  const score = (input: Float32Array, size: number) => scoreModelInputs(request.detector, input, size);
  const normal: FrameScore[] = [];
  const pasted: FrameScore[] = [];
  const faster: FrameScore[] = [];
  const normalBatches = batches(request, { syntheticAnomalyProbability: 0 });
  const pastedBatches = batches(request, { syntheticAnomalyProbability: 1, objectSource: request.objectSource });
  const fasterBatches = stacked ? batches(request, { syntheticAnomalyProbability: 0, neighbourOffset: FASTER_MOTION_SPEED_UP * NEIGHBOUR_OFFSET }) : null;
  for (;;) {
    request.signal?.throwIfAborted();
    const next = await normalBatches.next();
    if (next.done === true) break;
    const batch = next.value;
    normal.push(...(await score(batch.input, batch.size)));
    const withObjects = (await pastedBatches.next()).value as TrainingBatch;
    pasted.push(...(await score(withObjects.input, withObjects.size)));
    if (fasterBatches !== null) {
      const fasterBatch = (await fasterBatches.next()).value as TrainingBatch;
      faster.push(...(await score(withFasterRegion(batch, fasterBatch, request.batch.patchSize), batch.size)));
    }
  }
  await Promise.all([pastedBatches.return?.(), fasterBatches?.return?.()]);
  const sets = [withLabels('pasted-objects', normal, pasted)];
  if (stacked) sets.push(withLabels('faster-motion', normal, faster));
  return sets;
}
