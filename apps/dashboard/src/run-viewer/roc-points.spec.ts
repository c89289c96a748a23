import { curvePoints, videoRoc } from './roc-points';

describe('videoRoc', () => {
  it('matches scikit-learn on a small example (roc_auc_score = 0.75)', () => {
    const roc = videoRoc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
    expect(roc?.auc).toBeCloseTo(0.75, 12);
    expect(roc?.points[0]).toEqual({ fpr: 0, tpr: 0 });
    expect(roc?.points.at(-1)).toEqual({ fpr: 1, tpr: 1 });
  });

  it('treats tied scores as one threshold', () => {
    // sklearn: roc_auc_score([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]) == 0.5
    expect(videoRoc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])?.auc).toBe(0.5);
  });

  it('has no curve for a video with a single class', () => {
    expect(videoRoc([0.2, 0.9], [0, 0])).toBeUndefined();
    expect(videoRoc([0.2, 0.9], [1, 1])).toBeUndefined();
  });
});

describe('curvePoints', () => {
  it('thins a long curve to the plotting budget, keeping both ends', () => {
    const n = 5000;
    const fpr = Array.from({ length: n }, (_, i) => i / (n - 1));
    const tpr = fpr.map((x) => Math.sqrt(x));
    const points = curvePoints(fpr, tpr, 512);
    expect(points.length).toBeLessThanOrEqual(512);
    expect(points[0]).toEqual({ fpr: 0, tpr: 0 });
    expect(points.at(-1)).toEqual({ fpr: 1, tpr: 1 });
  });
});
