// Thins a ROC curve to at most `maxPoints` points for plotting (a million-frame curve is useless in a
// browser). Points are picked at equal steps of L1 arc length, and both ends of any segment longer than a
// step are kept, so long straight runs and sharp corners survive; first and last points always stay.
import { MetricsError, MetricsErrorCode } from '../metrics.error';
import type { RocCurve } from './roc-curve';

export const DEFAULT_CURVE_POINTS = 512;

export function downsampleCurve(curve: RocCurve, maxPoints = DEFAULT_CURVE_POINTS): RocCurve {
  if (!Number.isInteger(maxPoints) || maxPoints < 2) {
    throw new MetricsError(MetricsErrorCode.InvalidParameter, `maxPoints is ${maxPoints}; it must be an integer ≥ 2`);
  }
  const n = curve.fpr.length;
  if (n <= maxPoints) return { fpr: curve.fpr.slice(), tpr: curve.tpr.slice(), thresholds: curve.thresholds.slice() };

  const length = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    length[i] = length[i - 1] + Math.abs(curve.fpr[i] - curve.fpr[i - 1]) + Math.abs(curve.tpr[i] - curve.tpr[i - 1]);
  }
  if (length[n - 1] === 0) {
    // A degenerate curve (every point equal): its ends say everything.
    return {
      fpr: Float64Array.of(curve.fpr[0], curve.fpr[n - 1]),
      tpr: Float64Array.of(curve.tpr[0], curve.tpr[n - 1]),
      thresholds: Float64Array.of(curve.thresholds[0], curve.thresholds[n - 1]),
    };
  }
  // Targets plus kept segment starts: at most (targets) + (targets − 1) points, hence this budget.
  const targets = Math.floor((maxPoints + 1) / 2);
  const step = length[n - 1] / (targets - 1);
  const picked: number[] = [0];
  const pick = (index: number): void => {
    if (index > picked[picked.length - 1]) picked.push(index);
  };
  let i = 0;
  for (let k = 1; k < targets; k++) {
    const target = k === targets - 1 ? length[n - 1] : k * step;
    while (i < n - 1 && length[i] < target) i++;
    if (i > 0 && length[i] - length[i - 1] > step) pick(i - 1);
    pick(i);
  }
  pick(n - 1);
  return {
    fpr: Float64Array.from(picked, (index) => curve.fpr[index]),
    tpr: Float64Array.from(picked, (index) => curve.tpr[index]),
    thresholds: Float64Array.from(picked, (index) => curve.thresholds[index]),
  };
}
