// Turns per-frame 0/1 labels into inclusive [start, end] intervals (what a timeline shades), and back.

export function abnormalIntervals(labels: readonly number[]): [number, number][] {
  const intervals: [number, number][] = [];
  let start = -1;
  labels.forEach((label, i) => {
    if (label === 1 && start < 0) start = i;
    if (label !== 1 && start >= 0) {
      intervals.push([start, i - 1]);
      start = -1;
    }
  });
  if (start >= 0) intervals.push([start, labels.length - 1]);
  return intervals;
}

/** Labels of a video of frameCount frames from inclusive intervals; throws on an interval outside the video. */
export function labelsFromIntervals(intervals: readonly (readonly number[])[], frameCount: number): number[] {
  const labels = new Array<number>(frameCount).fill(0);
  for (const interval of intervals) {
    const [start, end] = interval;
    if (interval.length !== 2 || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end >= frameCount) {
      throw new RangeError(`interval [${interval.join(', ')}] is not within frames 0..${frameCount - 1}`);
    }
    labels.fill(1, start, end + 1);
  }
  return labels;
}
