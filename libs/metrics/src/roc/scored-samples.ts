// The input of every ROC computation: one score and one 0/1 label per sample. Checked once here so that
// the algorithms downstream can assume clean data (sklearn also rejects NaN and infinite scores).
import { MetricsError, MetricsErrorCode } from '../metrics.error';

/** Scores (any finite real; higher = more anomalous) and labels (1 = anomalous, 0 = normal), index-aligned. */
export interface ScoredSamples {
  readonly scores: ArrayLike<number>;
  readonly labels: ArrayLike<number>;
}

/**
 * Throws a MetricsError unless scores and labels have the same non-zero length, every score is finite and
 * every label is 0 or 1. `what` names the data in the message (e.g. `video "01"`).
 */
export function assertScoredSamples(samples: ScoredSamples, what = 'samples'): void {
  const { scores, labels } = samples;
  if (scores.length !== labels.length) {
    throw new MetricsError(MetricsErrorCode.LengthMismatch, `${what}: ${scores.length} scores but ${labels.length} labels; give one label per score`);
  }
  if (scores.length === 0) {
    throw new MetricsError(MetricsErrorCode.EmptyInput, `${what}: no samples`);
  }
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i])) {
      throw new MetricsError(MetricsErrorCode.NonFiniteScore, `${what}: score ${i} is ${scores[i]}; scores must be finite numbers`);
    }
    const label = labels[i];
    if (label !== 0 && label !== 1) {
      throw new MetricsError(MetricsErrorCode.InvalidLabel, `${what}: label ${i} is ${label}; labels must be 0 or 1`);
    }
  }
}

/** Number of samples labelled 1 (assumes the samples were checked). */
export function countPositives(labels: ArrayLike<number>): number {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i];
  return positives;
}
