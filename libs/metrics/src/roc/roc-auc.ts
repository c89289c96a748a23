// Area under the ROC curve, equal to scikit-learn's roc_auc_score (ties form one threshold; trapezoid rule).
//
// Why integer arithmetic: the trapezoid over tie group k adds ΔFP_k · (TP_{k-1} + TP_k) / 2 in count units,
// so 2·P·N·AUC is a sum of integers, exact in a double up to 2^53 (P·N < 4.5e15: far beyond any data set).
// One final division makes the result the correctly rounded value of the exact area; sklearn's float
// trapezoid can differ from it in the last bits only (its fixtures agree to 1e-12).
import { thresholdCounts, type ThresholdCounts } from './threshold-counts';
import type { ScoredSamples } from './scored-samples';

/**
 * @example rocAuc({ scores: [0.1, 0.4, 0.35, 0.8], labels: [0, 0, 1, 1] }) // 0.75
 * @throws MetricsError (SingleClass) when only one class is present, like sklearn.
 */
export function rocAuc(samples: ScoredSamples, what = 'samples'): number {
  return aucFromCounts(thresholdCounts(samples, what));
}

export function aucFromCounts(counts: ThresholdCounts): number {
  const { falsePositives: fps, truePositives: tps } = counts;
  let twiceArea = 0;
  let previousFp = 0;
  let previousTp = 0;
  for (let k = 0; k < fps.length; k++) {
    twiceArea += (fps[k] - previousFp) * (previousTp + tps[k]);
    previousFp = fps[k];
    previousTp = tps[k];
  }
  return twiceArea / (2 * counts.positives * counts.negatives);
}
