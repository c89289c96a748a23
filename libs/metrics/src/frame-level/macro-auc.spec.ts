import { macroAuc, padVideo } from './macro-auc';

const videos = [
  // AUC 1: the anomalous frame scores highest.
  { video: 'a', scores: [0.1, 0.9], labels: [0, 1] },
  // AUC 0.5: pairs (0.5 vs 0.4: win, 0.5 vs 0.6: loss).
  { video: 'b', scores: [0.4, 0.5, 0.6], labels: [0, 1, 0] },
  // All normal: no AUC.
  { video: 'c', scores: [0.2, 0.3], labels: [0, 0] },
];

describe('macroAuc', () => {
  it('averages per-video AUCs and reports the single-class videos it skipped', () => {
    const result = macroAuc(videos);
    expect(result.macroAuc).toBe(0.75);
    expect(result.perVideoAuc).toEqual({ a: 1, b: 0.5, c: null });
    expect(result.skippedVideos).toEqual(['c']);
  });

  it('with padding, scores every video as the reference code does', () => {
    // c padded: scores [0.2, 0.3, 0, 1], labels [0, 0, 0, 1] → the padded positive beats all: 1.
    // b padded: [0.4, 0.5, 0.6, 0, 1] / [0, 1, 0, 0, 1]: positives 0.5, 1 vs negatives 0.4, 0.6, 0
    //   → 0.5 beats 0.4 and 0; 1 beats all three → 5/6.
    const result = macroAuc(videos, { pad: true });
    expect(result.skippedVideos).toEqual([]);
    expect(result.perVideoAuc.c).toBe(1);
    expect(result.perVideoAuc.b).toBeCloseTo(5 / 6, 15);
    expect(result.macroAuc).toBeCloseTo((1 + 5 / 6 + 1) / 3, 15);
  });

  it('is null when no video has both classes', () => {
    expect(macroAuc([{ video: 'x', scores: [1], labels: [1] }]).macroAuc).toBeNull();
  });
});

describe('padVideo', () => {
  it('appends a (label 0, score 0) and a (label 1, score 1) frame', () => {
    const padded = padVideo({ video: 'v', scores: [0.5], labels: [1] });
    expect(Array.from(padded.scores)).toEqual([0.5, 0, 1]);
    expect(Array.from(padded.labels)).toEqual([1, 0, 1]);
  });
});
