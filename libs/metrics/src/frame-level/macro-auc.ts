// Macro AUC: ROC AUC per video, then the unweighted mean (docs/evaluation.md).
//
// A video whose frames are all normal (or all anomalous) has no AUC. Two policies:
// - default: skip it, and report which videos were skipped so the number is not silently over a subset;
// - `pad` (the method authors' code): append one (label 0, score 0) and one (label 1, score 1) frame to every
//   video, so every video has both classes. This assumes scores in [0, 1] (their pipeline min–max normalises
//   first); with other ranges the padding frames are no longer the extremes and the AUC moves accordingly.
import { rocAuc } from '../roc/roc-auc';
import { countPositives } from '../roc/scored-samples';
import { assertVideoFrames, type VideoFrames } from './video-frames';

export interface MacroAucOptions {
  /** Pad every video with a (0, score 0) and a (1, score 1) frame, as in the reference code. Default false. */
  readonly pad?: boolean;
}

export interface MacroAuc {
  /** Mean of the per-video AUCs; null when no video has both classes. */
  readonly macroAuc: number | null;
  /** AUC of each video in input order; null for a skipped video. */
  readonly perVideoAuc: Readonly<Record<string, number | null>>;
  /** Videos with a single class, left out of the mean (always empty with `pad`). */
  readonly skippedVideos: readonly string[];
}

export function macroAuc(videos: readonly VideoFrames[], options: MacroAucOptions = {}): MacroAuc {
  assertVideoFrames(videos);
  const perVideoAuc: Record<string, number | null> = {};
  const skippedVideos: string[] = [];
  let sum = 0;
  for (const video of videos) {
    const samples = options.pad ? padVideo(video) : video;
    const positives = countPositives(samples.labels);
    if (positives === 0 || positives === samples.labels.length) {
      perVideoAuc[video.video] = null;
      skippedVideos.push(video.video);
      continue;
    }
    const auc = rocAuc(samples, `video "${video.video}"`);
    perVideoAuc[video.video] = auc;
    sum += auc;
  }
  const counted = videos.length - skippedVideos.length;
  return { macroAuc: counted === 0 ? null : sum / counted, perVideoAuc, skippedVideos };
}

/** The video with one (label 0, score 0) and one (label 1, score 1) frame appended. */
export function padVideo(video: VideoFrames): VideoFrames {
  const n = video.scores.length;
  const scores = new Float64Array(n + 2);
  const labels = new Uint8Array(n + 2);
  for (let i = 0; i < n; i++) {
    scores[i] = video.scores[i];
    labels[i] = video.labels[i];
  }
  scores[n + 1] = 1;
  labels[n + 1] = 1;
  return { video: video.video, scores, labels };
}
