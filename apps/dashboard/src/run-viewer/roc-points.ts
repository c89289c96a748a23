// ROC curves ready to draw: one video's curve computed here with the platform's exact metrics
// (@vad/metrics: scikit-learn's ties and trapezoids), and any curve thinned to ≤ 512 points.
import { downsampleCurve, rocAuc, rocCurve, DEFAULT_CURVE_POINTS } from '@vad/metrics';

export interface RocPoint {
  fpr: number;
  tpr: number;
}

export interface RocDrawing {
  points: RocPoint[];
  auc: number;
}

/** Zips and thins a curve given as two arrays. */
export function curvePoints(fpr: readonly number[], tpr: readonly number[], maxPoints = DEFAULT_CURVE_POINTS): RocPoint[] {
  const n = Math.min(fpr.length, tpr.length);
  const curve = downsampleCurve(
    { fpr: Float64Array.from(fpr.slice(0, n)), tpr: Float64Array.from(tpr.slice(0, n)), thresholds: new Float64Array(n) },
    maxPoints,
  );
  return Array.from(curve.fpr, (x, i) => ({ fpr: x, tpr: curve.tpr[i] }));
}

/** One video's ROC; undefined when its labels hold a single class (no AUC exists). */
export function videoRoc(scores: readonly number[], labels: readonly number[], maxPoints = DEFAULT_CURVE_POINTS): RocDrawing | undefined {
  const n = Math.min(scores.length, labels.length);
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i] === 1 ? 1 : 0;
  if (positives === 0 || positives === n) return undefined;
  const samples = { scores: scores.slice(0, n), labels: labels.slice(0, n) };
  if (!samples.scores.every(Number.isFinite)) return undefined;
  const curve = rocCurve(samples);
  return { points: curvePoints(Array.from(curve.fpr), Array.from(curve.tpr), maxPoints), auc: rocAuc(samples) };
}
