// Equal error rate: the error rate where the false-positive rate equals the false-negative rate (1 − TPR),
// found on the ROC curve by linear interpolation between its points (the curve's own geometry; the same
// value whether or not collinear points were dropped).
import type { RocCurve } from './roc-curve';

/** @example equalErrorRate(rocCurve({ scores: [1, 1], labels: [0, 1] })) // 0.5 (all ties) */
export function equalErrorRate(curve: Pick<RocCurve, 'fpr' | 'tpr'>): number {
  const { fpr, tpr } = curve;
  // gap = FPR − FNR rises from −1 at (0, 0) to +1 at (1, 1); the EER is where it crosses zero.
  let previousGap = fpr[0] + tpr[0] - 1;
  if (previousGap >= 0) return fpr[0];
  for (let i = 1; i < fpr.length; i++) {
    const gap = fpr[i] + tpr[i] - 1;
    if (gap >= 0) {
      const t = -previousGap / (gap - previousGap);
      return fpr[i - 1] + t * (fpr[i] - fpr[i - 1]);
    }
    previousGap = gap;
  }
  return fpr[fpr.length - 1];
}
