import { concatenateVideos, microAuc } from './micro-auc';

describe('microAuc', () => {
  it('ranks frames across videos, so one video with low scores everywhere lowers it', () => {
    // Frames pooled: anomalous 0.9, 0.3; normal 0.1, 0.5. Pairs (pos > neg): 0.9>0.1, 0.9>0.5, 0.3>0.1 → 3/4.
    const videos = [
      { video: 'a', scores: [0.1, 0.9], labels: [0, 1] },
      { video: 'b', scores: [0.5, 0.3], labels: [0, 1] },
    ];
    expect(microAuc(videos)).toBe(0.75);
  });

  it('accepts videos with a single class as long as the pool has both', () => {
    expect(
      microAuc([
        { video: 'a', scores: [0.2, 0.3], labels: [0, 0] },
        { video: 'b', scores: [0.9], labels: [1] },
      ]),
    ).toBe(1);
  });
});

describe('concatenateVideos', () => {
  it('keeps video order and frame order', () => {
    const pooled = concatenateVideos([
      { video: 'a', scores: [1, 2], labels: [0, 1] },
      { video: 'b', scores: [3], labels: [1] },
    ]);
    expect(Array.from(pooled.scores)).toEqual([1, 2, 3]);
    expect(Array.from(pooled.labels)).toEqual([0, 1, 1]);
  });
});
