// The ROC curve, point for point as scikit-learn's roc_curve: one point per distinct score (ties form one
// threshold), a first point (0, 0) at threshold +Infinity, and by default the collinear intermediate points
// dropped (sklearn's drop_intermediate=True), which changes no area.
import { thresholdCounts, type ThresholdCounts } from './threshold-counts';
import type { ScoredSamples } from './scored-samples';

export interface RocCurve {
  /** False-positive rate at each point, non-decreasing from 0 to 1. */
  readonly fpr: Float64Array;
  /** True-positive rate at each point, non-decreasing from 0 to 1. */
  readonly tpr: Float64Array;
  /** Score threshold of each point (a sample is called anomalous when score ≥ threshold); first is +Infinity. */
  readonly thresholds: Float64Array;
}

export interface RocCurveOptions {
  /** Drop points that lie on the straight line between their neighbours (default true, like sklearn). */
  readonly dropIntermediate?: boolean;
}

/**
 * @example rocCurve({ scores: [0.1, 0.4, 0.35, 0.8], labels: [0, 0, 1, 1] })
 *   // fpr [0, 0, 0.5, 0.5, 1], tpr [0, 0.5, 0.5, 1, 1], thresholds [Infinity, 0.8, 0.4, 0.35, 0.1]
 */
export function rocCurve(samples: ScoredSamples, options: RocCurveOptions = {}): RocCurve {
  return rocCurveFromCounts(thresholdCounts(samples), options);
}

/** The same curve from counts already computed (saves a second sort when the AUC is wanted too). */
export function rocCurveFromCounts(counts: ThresholdCounts, options: RocCurveOptions = {}): RocCurve {
  const groups = counts.thresholds.length;
  const { falsePositives: fps, truePositives: tps } = counts;
  const keep: number[] = [];
  for (let k = 0; k < groups; k++) {
    const isEnd = k === 0 || k === groups - 1;
    // Second differences, exactly sklearn's test (it only drops when there are more than two points).
    const bends = isEnd || fps[k - 1] - 2 * fps[k] + fps[k + 1] !== 0 || tps[k - 1] - 2 * tps[k] + tps[k + 1] !== 0;
    if (options.dropIntermediate === false || groups <= 2 || bends) keep.push(k);
  }
  const fpr = new Float64Array(keep.length + 1);
  const tpr = new Float64Array(keep.length + 1);
  const thresholds = new Float64Array(keep.length + 1);
  thresholds[0] = Number.POSITIVE_INFINITY;
  keep.forEach((k, i) => {
    fpr[i + 1] = fps[k] / counts.negatives;
    tpr[i + 1] = tps[k] / counts.positives;
    thresholds[i + 1] = counts.thresholds[k];
  });
  return { fpr, tpr, thresholds };
}
