import { scoreRange, thresholdStats } from './threshold-stats';

describe('thresholdStats', () => {
  const scores = [0.1, 0.9, 0.6, 0.3, 0.8];
  const labels = [0, 1, 1, 0, 0];

  it('counts flagged frames against the labels', () => {
    expect(thresholdStats(scores, labels, 0.6)).toEqual({
      flagged: 3,
      truePositives: 2,
      falsePositives: 1,
      recall: 1,
      falsePositiveRate: 1 / 3,
      precision: 2 / 3,
    });
  });

  it('leaves the rates undefined without labels', () => {
    const stats = thresholdStats(scores, null, 0.85);
    expect(stats.flagged).toBe(1);
    expect(stats.recall).toBeUndefined();
    expect(stats.precision).toBeUndefined();
  });
});

describe('scoreRange', () => {
  it('spans the finite scores', () => {
    expect(scoreRange([0.4, Number.NaN, -1, 3])).toEqual({ min: -1, max: 3 });
  });

  it('widens a flat signal so a slider can still move', () => {
    expect(scoreRange([2, 2])).toEqual({ min: 1.5, max: 2.5 });
    expect(scoreRange([])).toEqual({ min: 0, max: 1 });
  });
});
