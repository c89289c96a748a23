import fc from 'fast-check';
import { MetricsError, MetricsErrorCode } from '../metrics.error';
import { rocAuc } from './roc-auc';
import { sklearnRocCases } from '../../fixtures/sklearn-fixtures';

// Scores with many ties and both classes present.
const scoredSamples = fc
  .array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.constantFrom(0, 1)), { minLength: 2, maxLength: 200 })
  .filter((pairs) => pairs.some(([, l]) => l === 1) && pairs.some(([, l]) => l === 0))
  .map((pairs) => ({ scores: pairs.map(([s]) => s / 4), labels: pairs.map(([, l]) => l) }));

/** O(n²) Mann–Whitney: P(score of a positive > score of a negative) + ½ P(tie). Independent of the sort code. */
function bruteForceAuc(scores: number[], labels: number[]): number {
  let wins = 0;
  let pairs = 0;
  scores.forEach((s, i) => {
    if (labels[i] !== 1) return;
    scores.forEach((t, j) => {
      if (labels[j] !== 0) return;
      pairs++;
      wins += s > t ? 1 : s === t ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

describe('rocAuc', () => {
  it('is 0.75 on the scikit-learn docstring example', () => {
    expect(rocAuc({ scores: [0.1, 0.4, 0.35, 0.8], labels: [0, 0, 1, 1] })).toBe(0.75);
  });

  it.each(sklearnRocCases.map((c) => [c.name, c] as const))('equals sklearn roc_auc_score on fixture %s', (_, c) => {
    expect(Math.abs(rocAuc(c) - c.auc)).toBeLessThanOrEqual(1e-12);
  });

  it('is 0.5 when every score is tied', () => {
    fc.assert(
      fc.property(scoredSamples, fc.double({ noNaN: true, noDefaultInfinity: true }), ({ labels }, score) => {
        expect(rocAuc({ scores: labels.map(() => score), labels })).toBe(0.5);
      }),
    );
  });

  it('gives 1 − AUC(s) for −s', () => {
    fc.assert(
      fc.property(scoredSamples, ({ scores, labels }) => {
        expect(rocAuc({ scores: scores.map((s) => -s), labels })).toBeCloseTo(1 - rocAuc({ scores, labels }), 12);
      }),
    );
  });

  it('does not change under a strictly increasing transform', () => {
    fc.assert(
      fc.property(scoredSamples, ({ scores, labels }) => {
        const transformed = scores.map((s) => Math.exp(s / 2) * 3 + 7);
        expect(rocAuc({ scores: transformed, labels })).toBe(rocAuc({ scores, labels }));
      }),
    );
  });

  it('equals the pairwise (Mann–Whitney) probability', () => {
    fc.assert(
      fc.property(scoredSamples, ({ scores, labels }) => {
        expect(rocAuc({ scores, labels })).toBeCloseTo(bruteForceAuc(scores, labels), 12);
      }),
    );
  });

  it('does not depend on the order of the samples', () => {
    fc.assert(
      fc.property(scoredSamples, fc.integer({ min: 0, max: 1000 }), ({ scores, labels }, shift) => {
        const n = scores.length;
        const rotate = <T>(values: T[]): T[] => values.map((_, i) => values[(i + shift) % n]);
        expect(rocAuc({ scores: rotate(scores), labels: rotate(labels) })).toBe(rocAuc({ scores, labels }));
      }),
    );
  });

  it('refuses a single class, like sklearn', () => {
    expect(() => rocAuc({ scores: [0.2, 0.4], labels: [0, 0] })).toThrow(expect.objectContaining({ code: MetricsErrorCode.SingleClass }) as MetricsError);
  });
});
