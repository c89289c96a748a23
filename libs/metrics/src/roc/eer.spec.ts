import { equalErrorRate } from './eer';
import { rocCurve } from './roc-curve';

describe('equalErrorRate', () => {
  it('is 0 for a perfect ranking', () => {
    expect(equalErrorRate(rocCurve({ scores: [0.1, 0.2, 0.8, 0.9], labels: [0, 0, 1, 1] }))).toBe(0);
  });

  it('is 1 for a perfectly inverted ranking', () => {
    expect(equalErrorRate(rocCurve({ scores: [0.9, 0.8, 0.2, 0.1], labels: [0, 0, 1, 1] }))).toBe(1);
  });

  it('is 0.5 when all scores tie', () => {
    expect(equalErrorRate(rocCurve({ scores: [3, 3, 3, 3], labels: [0, 1, 0, 1] }))).toBe(0.5);
  });

  it('interpolates between curve points', () => {
    // Curve (0,0) → (0,0.5) → (0.5,0.5) → (0.5,1) → (1,1). The gap FPR − FNR = FPR + TPR − 1 is −1, −0.5,
    // then 0 at (0.5,0.5): the curve meets FPR = FNR exactly at a point, EER 0.5.
    expect(equalErrorRate({ fpr: Float64Array.of(0, 0, 0.5, 0.5, 1), tpr: Float64Array.of(0, 0.5, 0.5, 1, 1) })).toBe(0.5);
    // Curve (0,0) → (0.2,0.6) → (1,1): gap −1 then −0.2 then 1; crossing on the second segment at
    // t = 0.2 / 1.2 = 1/6, FPR = 0.2 + 0.8/6 = 1/3 (and TPR = 0.6 + 0.4/6 = 2/3, so FNR = 1/3 too).
    expect(equalErrorRate({ fpr: Float64Array.of(0, 0.2, 1), tpr: Float64Array.of(0, 0.6, 1) })).toBeCloseTo(1 / 3, 15);
  });
});
