// Frames with anomalies made from training data, on which a model version chooses its α, β, γ
// (libs/metrics choose-component-weights.ts). Two kinds, so that the choice does not just reward what the
// classification head was trained on:
// - `pasted-objects`: the training's own synthetic anomalies (docs/method.md §6), pasted into HELD-OUT
//   training videos the model never saw;
// - `skipped-frames`: the t−3 / t / t+3 stack read as t−9 / t / t+9, so everything that moves moves three
//   times as fast — an anomaly of motion, which the training never made.
// Each kind is scored against the same frames left as they are (label 0). Test videos are never read.
import { createTrainingBatches, type AnomalyObjectSource, type FrameStore, type TrainingBatchOptions } from '@vad/data';
import type { MapComponents, PseudoAnomalySet } from '@vad/metrics';
import { NEIGHBOUR_OFFSET, scoreModelInputs, type Detector, type FrameScore } from '@vad/model';
import { componentsOfScores } from './run-components';

/** How much faster motion is in a `skipped-frames` stack. */
export const SKIPPED_FRAMES_SPEED_UP = 3;

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

async function scoreEveryFrame(request: PseudoAnomalySetsRequest, variant: Partial<TrainingBatchOptions>): Promise<FrameScore[]> {
  const scores: FrameScore[] = [];
  const batches = createTrainingBatches({ ...request.batch, videos: request.videos, seed: request.seed, shuffle: false, signal: request.signal, ...variant });
  for await (const batch of batches) {
    request.signal?.throwIfAborted();
    scores.push(...(await scoreModelInputs(request.detector, batch.input, batch.size)));
  }
  return scores;
}

function withLabels(name: string, normal: FrameScore[], anomalous: FrameScore[]): PseudoAnomalySet {
  const components: MapComponents = componentsOfScores([...normal, ...anomalous]);
  return { name, components, labels: [...normal.map(() => 0), ...anomalous.map(() => 1)] };
}

/** The pseudo-anomaly sets of a detector: `pasted-objects` always, `skipped-frames` for stacked inputs. */
export async function pseudoAnomalySets(request: PseudoAnomalySetsRequest): Promise<PseudoAnomalySet[]> {
  const normal = await scoreEveryFrame(request, { syntheticAnomalyProbability: 0 });
  const pasted = await scoreEveryFrame(request, { syntheticAnomalyProbability: 1, objectSource: request.objectSource });
  const sets = [withLabels('pasted-objects', normal, pasted)];
  if (request.batch.inputMode === 'neighbours') {
    const skipped = await scoreEveryFrame(request, { syntheticAnomalyProbability: 0, neighbourOffset: SKIPPED_FRAMES_SPEED_UP * NEIGHBOUR_OFFSET });
    sets.push(withLabels('skipped-frames', normal, skipped));
  }
  return sets;
}
