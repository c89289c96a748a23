// Runs of frames as inclusive [start, end] intervals: the ground truth's abnormal frames, and the frames
// whose score reaches the threshold (what the model would flag).
export type FrameInterval = readonly [start: number, end: number];

/** Intervals of consecutive frames for which `isOn(i)` holds. */
export function runsWhere(length: number, isOn: (index: number) => boolean): FrameInterval[] {
  const intervals: FrameInterval[] = [];
  let start = -1;
  for (let i = 0; i < length; i++) {
    if (isOn(i)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      intervals.push([start, i - 1]);
      start = -1;
    }
  }
  if (start >= 0) intervals.push([start, length - 1]);
  return intervals;
}

/** Abnormal intervals from 0/1 frame labels. */
export function labelsToIntervals(labels: readonly number[]): FrameInterval[] {
  return runsWhere(labels.length, (i) => labels[i] === 1);
}

/** Frames the model flags at a threshold (score ≥ threshold, as the ROC counts them). */
export function intervalsAtOrAbove(scores: readonly number[], threshold: number): FrameInterval[] {
  return runsWhere(scores.length, (i) => scores[i] >= threshold);
}
