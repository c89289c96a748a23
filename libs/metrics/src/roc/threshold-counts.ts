// Cumulative true/false positive counts at every distinct score, the common core of the ROC curve, the AUC
// and the EER. Equal scores form one threshold, as in scikit-learn's roc_curve.
//
// Why not an index sort: sorting a Uint32Array of indices with a comparator costs ~10x a native numeric
// sort. Splitting the scores by label and sorting each Float64Array natively (no comparator) keeps the
// whole thing O(n log n) with V8's fast path, and a descending merge of the two runs yields the tie groups.
import { MetricsError, MetricsErrorCode } from '../metrics.error';
import { assertScoredSamples, countPositives, type ScoredSamples } from './scored-samples';

export interface ThresholdCounts {
  /** Distinct scores, strictly descending. */
  readonly thresholds: Float64Array;
  /** falsePositives[k]: negatives with score ≥ thresholds[k]. */
  readonly falsePositives: Float64Array;
  /** truePositives[k]: positives with score ≥ thresholds[k]. */
  readonly truePositives: Float64Array;
  readonly positives: number;
  readonly negatives: number;
}

/** Counts for every distinct score. Throws if either class is absent (no ROC exists then). */
export function thresholdCounts(samples: ScoredSamples, what = 'samples'): ThresholdCounts {
  assertScoredSamples(samples, what);
  const { scores, labels } = samples;
  const positives = countPositives(labels);
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) {
    throw new MetricsError(MetricsErrorCode.SingleClass, `${what}: only ${positives === 0 ? 'normal (0)' : 'anomalous (1)'} labels; a ROC needs both classes`);
  }
  const positiveScores = new Float64Array(positives);
  const negativeScores = new Float64Array(negatives);
  for (let i = 0, p = 0, q = 0; i < scores.length; i++) {
    if (labels[i] === 1) positiveScores[p++] = scores[i];
    else negativeScores[q++] = scores[i];
  }
  positiveScores.sort();
  negativeScores.sort();

  const capacity = scores.length;
  const thresholds = new Float64Array(capacity);
  const falsePositives = new Float64Array(capacity);
  const truePositives = new Float64Array(capacity);
  let p = positives - 1;
  let q = negatives - 1;
  let tp = 0;
  let fp = 0;
  let groups = 0;
  while (p >= 0 || q >= 0) {
    const threshold = p < 0 ? negativeScores[q] : q < 0 ? positiveScores[p] : Math.max(positiveScores[p], negativeScores[q]);
    // `===` treats -0 and +0 as one score, as numpy's comparison does.
    while (p >= 0 && positiveScores[p] === threshold) {
      p--;
      tp++;
    }
    while (q >= 0 && negativeScores[q] === threshold) {
      q--;
      fp++;
    }
    thresholds[groups] = threshold;
    truePositives[groups] = tp;
    falsePositives[groups] = fp;
    groups++;
  }
  return {
    thresholds: thresholds.slice(0, groups),
    falsePositives: falsePositives.slice(0, groups),
    truePositives: truePositives.slice(0, groups),
    positives,
    negatives,
  };
}
