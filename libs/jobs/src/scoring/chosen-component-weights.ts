// A model version's α, β, γ, chosen at the end of training on pseudo-anomalies in held-out training videos
// and stored with its component statistics, so that the `paper-chosen-weights` protocol weighs each model
// version's components by how well they separated anomalies made from training data
// (libs/metrics choose-component-weights.ts).
import { chooseComponentWeights, PAPER_WEIGHTS, type ComponentWeightsChoice } from '@vad/metrics';
import { pseudoAnomalySets, type PseudoAnomalySetsRequest } from './pseudo-anomaly-sets';
import type { StoredComponentStatistics } from './component-statistics-file';

/** What the choice was made on, kept beside the weights so that a reader can judge it. */
export interface WeightChoiceRecord extends Omit<ComponentWeightsChoice, 'weights'> {
  rule: 'best mean frame AUC over pseudo-anomaly sets in held-out training videos, simplex grid step 0.1, ties to the paper weights';
  sets: { name: string; frames: number; anomalous: number }[];
}

export async function chooseWeightsOnPseudoAnomalies(request: PseudoAnomalySetsRequest, stored: StoredComponentStatistics): Promise<StoredComponentStatistics> {
  const sets = await pseudoAnomalySets(request);
  const { weights, ...choice } = chooseComponentWeights(sets, stored.statistics, { reference: PAPER_WEIGHTS });
  const anomalous = (labels: ArrayLike<number>) => Array.from(labels).filter((label) => label === 1).length;
  const weightChoice: WeightChoiceRecord = {
    rule: 'best mean frame AUC over pseudo-anomaly sets in held-out training videos, simplex grid step 0.1, ties to the paper weights',
    sets: sets.map((set) => ({ name: set.name, frames: set.labels.length, anomalous: anomalous(set.labels) })),
    ...choice,
  };
  return { ...stored, statistics: { ...stored.statistics, weights }, weightChoice };
}
