// What a threshold means on one video: frames flagged, and against the labels, the hit and false-alarm
// rates (a frame is flagged when its score ≥ threshold, as in the ROC).
export interface ThresholdStats {
  flagged: number;
  truePositives: number;
  falsePositives: number;
  /** Of the abnormal frames, the share flagged; undefined without abnormal frames. */
  recall?: number;
  /** Of the normal frames, the share flagged; undefined without normal frames. */
  falsePositiveRate?: number;
  /** Of the flagged frames, the share abnormal; undefined when nothing is flagged. */
  precision?: number;
}

export function thresholdStats(scores: readonly number[], labels: readonly number[] | null | undefined, threshold: number): ThresholdStats {
  let flagged = 0;
  let tp = 0;
  let fp = 0;
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < scores.length; i++) {
    const on = scores[i] >= threshold;
    if (on) flagged++;
    if (!labels) continue;
    if (labels[i] === 1) {
      positives++;
      if (on) tp++;
    } else {
      negatives++;
      if (on) fp++;
    }
  }
  return {
    flagged,
    truePositives: tp,
    falsePositives: fp,
    recall: labels && positives ? tp / positives : undefined,
    falsePositiveRate: labels && negatives ? fp / negatives : undefined,
    precision: labels && flagged ? tp / flagged : undefined,
  };
}

/** The range a threshold slider should span: the scores' own, widened when they are all equal. */
export function scoreRange(scores: readonly number[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const s of scores) {
    if (!Number.isFinite(s)) continue;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  if (min === Infinity) return { min: 0, max: 1 };
  if (min === max) return { min: min - 0.5, max: max + 0.5 };
  return { min, max };
}
