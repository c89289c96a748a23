import fs from 'node:fs';
import path from 'node:path';
import { evaluateFrames } from './evaluate-frames';

// The shared UCSD Ped2 copy lives next to the repository (see /work/shared/datasets/ucsd-ped2/README.md).
const PED2_LABELS = path.resolve(__dirname, '../../../../../shared/datasets/ucsd-ped2/ground_truth/frame_labels.json');

describe('evaluateFrames', () => {
  const videos = [
    { video: 'a', scores: [0.1, 0.9, 0.2], labels: [0, 1, 0] },
    { video: 'b', scores: [0.5, 0.3], labels: [0, 1] },
    { video: 'c', scores: [0.4], labels: [0] },
  ];

  it('reports micro and macro AUC, EER, skipped videos and counts together', () => {
    // Pooled: positives 0.9, 0.3; negatives 0.1, 0.2, 0.5, 0.4 → 0.9 beats 4, 0.3 beats 2 → 6/8.
    const result = evaluateFrames(videos);
    expect(result.microAuc).toBe(0.75);
    expect(result.macroAuc).toBe(0.5); // a: 1, b: 0, c skipped
    expect(result.videosSkipped).toBe(1);
    expect(result.skippedVideos).toEqual(['c']);
    expect([result.numVideos, result.numFrames, result.numAnomalousFrames]).toEqual([3, 6, 2]);
    expect(result.macroPad).toBe(false);
    // Curve: (0,0) (0,.5) (.5,.5) (.5,1)… the gap FPR+TPR−1 reaches 0 at (0.5, 0.5).
    expect(result.eer).toBe(0.5);
  });

  it('returns a plain-JSON curve that survives a round trip', () => {
    const result = evaluateFrames(videos);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(result.rocCurve.fpr[0]).toBe(0);
    expect(result.rocCurve.tpr.at(-1)).toBe(1);
  });

  it('pads videos when asked', () => {
    const result = evaluateFrames(videos, { macroPad: true });
    expect(result.videosSkipped).toBe(0);
    expect(result.macroPad).toBe(true);
  });

  // The data sets live in ../shared beside the checkout (on this machine and in CI); a clone without it skips this.
  const ped2 = fs.existsSync(PED2_LABELS) ? it : it.skip;
  ped2(`has 1648 anomalous of 2010 Ped2 test frames, and a perfect scorer gets AUC 1 (needs ${PED2_LABELS})`, () => {
    const labels = JSON.parse(fs.readFileSync(PED2_LABELS, 'utf8')) as Record<string, number[]>;
    const videos = Object.entries(labels).map(([video, frameLabels]) => ({ video, scores: frameLabels, labels: frameLabels }));
    const result = evaluateFrames(videos);
    expect(result.numFrames).toBe(2010);
    expect(result.numAnomalousFrames).toBe(1648);
    expect(result.numVideos).toBe(12);
    expect(result.microAuc).toBe(1);
    expect(result.macroAuc).toBe(1);
    expect(result.eer).toBe(0);
  });
});
