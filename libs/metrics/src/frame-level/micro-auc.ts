// Micro AUC: all test frames of all videos concatenated into one ranking, one ROC AUC (docs/evaluation.md).
// Scores are compared across videos, so per-video normalisation in the protocol changes this number.
import { rocAuc } from '../roc/roc-auc';
import type { ScoredSamples } from '../roc/scored-samples';
import { assertVideoFrames, type VideoFrames } from './video-frames';

/** @example microAuc([{ video: '01', scores: [0.2, 0.9], labels: [0, 1] }, { video: '02', scores: [0.5], labels: [0] }]) // 1 */
export function microAuc(videos: readonly VideoFrames[]): number {
  assertVideoFrames(videos);
  return rocAuc(concatenateVideos(videos), 'all frames');
}

/** All frames in video order, as one sample set (typed arrays: a million frames stay cheap). */
export function concatenateVideos(videos: readonly VideoFrames[]): ScoredSamples {
  const total = videos.reduce((sum, video) => sum + video.scores.length, 0);
  const scores = new Float64Array(total);
  const labels = new Uint8Array(total);
  let offset = 0;
  for (const video of videos) {
    for (let i = 0; i < video.scores.length; i++) {
      scores[offset + i] = video.scores[i];
      labels[offset + i] = video.labels[i];
    }
    offset += video.scores.length;
  }
  return { scores, labels };
}
