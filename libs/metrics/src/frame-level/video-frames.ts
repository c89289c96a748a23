// A test set at frame level: for each video, one score and one 0/1 label per frame.
import { MetricsError, MetricsErrorCode } from '../metrics.error';
import { assertScoredSamples } from '../roc/scored-samples';

export interface VideoFrames {
  /** Video id, unique within the test set (e.g. "01"). */
  readonly video: string;
  /** Frame score after post-processing; higher = more anomalous. */
  readonly scores: ArrayLike<number>;
  /** 1 = anomalous frame, 0 = normal. */
  readonly labels: ArrayLike<number>;
}

/** Throws a MetricsError naming the first video that is empty, misaligned, non-finite or mislabelled. */
export function assertVideoFrames(videos: readonly VideoFrames[]): void {
  if (videos.length === 0) throw new MetricsError(MetricsErrorCode.EmptyInput, 'no videos to evaluate');
  const seen = new Set<string>();
  for (const video of videos) {
    if (seen.has(video.video)) {
      throw new MetricsError(MetricsErrorCode.DuplicateVideo, `video "${video.video}" appears twice; give each video once`);
    }
    seen.add(video.video);
    assertScoredSamples(video, `video "${video.video}"`);
  }
}
