// How a model version's eq. 6 weights read on its page: the weights, then where they come from — chosen on
// pseudo-anomalies in held-out training videos (with the frame AUCs they and the paper's weights reached
// there), or the paper's fixed ones.
import { formatMetric } from '../format/format-metric';

interface SetAuc {
  set: string;
  auc: number;
}

export interface ScoreWeightsFields {
  teacherError: number;
  discrepancy: number;
  classifier: number;
  source: string;
  validationAuc: readonly SetAuc[];
  paperWeightsValidationAuc: readonly SetAuc[];
}

const aucs = (list: readonly SetAuc[]) => list.map((a) => `${a.set.replace('-', ' ')} ${formatMetric(a.auc)}`).join(', ');

export function scoreWeightsText(weights: ScoreWeightsFields): { weights: string; source: string } {
  const triple = `α ${weights.teacherError.toFixed(1)} · β ${weights.discrepancy.toFixed(1)} · γ ${weights.classifier.toFixed(1)}`;
  if (weights.source !== 'chosen') return { weights: triple, source: "the paper's (this version chose none)" };
  return {
    weights: triple,
    source: `chosen on pseudo-anomalies in held-out training videos: AUC ${aucs(weights.validationAuc)} (the paper's weights: ${aucs(weights.paperWeightsValidationAuc)})`,
  };
}
