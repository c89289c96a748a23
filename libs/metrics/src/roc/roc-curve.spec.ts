import { rocCurve } from './roc-curve';
import { sklearnRocCases } from '../../fixtures/sklearn-fixtures';

const curveCases = sklearnRocCases.filter((c) => c.fpr !== undefined);

describe('rocCurve', () => {
  it('starts at (0, 0) with an infinite threshold and ends at (1, 1)', () => {
    const curve = rocCurve({ scores: [0.2, 0.7, 0.5], labels: [0, 1, 0] });
    expect([curve.fpr[0], curve.tpr[0], curve.thresholds[0]]).toEqual([0, 0, Number.POSITIVE_INFINITY]);
    expect([curve.fpr.at(-1), curve.tpr.at(-1)]).toEqual([1, 1]);
  });

  it.each(curveCases.map((c) => [c.name, c] as const))('matches sklearn roc_curve point for point on %s', (_, c) => {
    const curve = rocCurve(c);
    expect(Array.from(curve.fpr)).toEqual(c.fpr);
    expect(Array.from(curve.tpr)).toEqual(c.tpr);
    expect(Array.from(curve.thresholds.subarray(1))).toEqual(c.thresholds);
  });

  it('keeps collinear points when asked', () => {
    const samples = { scores: [6, 5, 4, 3, 2, 1], labels: [1, 1, 1, 0, 0, 0] };
    expect(rocCurve(samples).fpr).toHaveLength(4);
    expect(rocCurve(samples, { dropIntermediate: false }).fpr).toHaveLength(7);
  });
});
