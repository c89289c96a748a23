import fc from 'fast-check';
import { MetricsError } from '../metrics.error';
import { thresholdCounts } from './threshold-counts';

describe('thresholdCounts', () => {
  it('gives cumulative counts per distinct score, descending, with ties grouped', () => {
    const counts = thresholdCounts({ scores: [0.3, 0.9, 0.3, 0.1, 0.9], labels: [1, 0, 0, 1, 1] });
    expect(Array.from(counts.thresholds)).toEqual([0.9, 0.3, 0.1]);
    expect(Array.from(counts.truePositives)).toEqual([1, 2, 3]);
    expect(Array.from(counts.falsePositives)).toEqual([1, 2, 2]);
    expect([counts.positives, counts.negatives]).toEqual([3, 2]);
  });

  it('treats -0 and +0 as one threshold', () => {
    expect(thresholdCounts({ scores: [-0, 0], labels: [0, 1] }).thresholds).toHaveLength(1);
  });

  it('refuses a single class', () => {
    expect(() => thresholdCounts({ scores: [1, 2], labels: [1, 1] })).toThrow(MetricsError);
  });

  it('agrees with a brute-force count on random data', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.constantFrom(0, 1)), { minLength: 2, maxLength: 40 }), (pairs) => {
        fc.pre(pairs.some(([, l]) => l === 1) && pairs.some(([, l]) => l === 0));
        const scores = pairs.map(([s]) => s);
        const labels = pairs.map(([, l]) => l);
        const counts = thresholdCounts({ scores, labels });
        const distinct = [...new Set(scores)].sort((a, b) => b - a);
        expect(Array.from(counts.thresholds)).toEqual(distinct);
        distinct.forEach((t, k) => {
          expect(counts.truePositives[k]).toBe(pairs.filter(([s, l]) => s >= t && l === 1).length);
          expect(counts.falsePositives[k]).toBe(pairs.filter(([s, l]) => s >= t && l === 0).length);
        });
      }),
    );
  });
});
