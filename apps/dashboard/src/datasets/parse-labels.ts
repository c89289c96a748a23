// Ground truth as people provide it: JSON text holding either one 0/1 label per frame ([0,0,1,…]) or
// inclusive abnormal intervals ([[start,end],…]). Checked here so mistakes are explained before upload.
export type ParsedLabels = { kind: 'labels'; labels: number[] } | { kind: 'intervals'; intervals: [number, number][] };

export type LabelsResult = { ok: true; value: ParsedLabels } | { ok: false; message: string };

const isFrameIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function parseLabels(text: string, frameCount?: number): LabelsResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'the ground truth is not valid JSON; give [0,1,…] per frame or [[start,end],…] intervals' };
  }
  if (!Array.isArray(value) || value.length === 0) {
    return { ok: false, message: 'the ground truth must be a non-empty JSON array: [0,1,…] per frame or [[start,end],…] intervals' };
  }
  if (value.every((v) => v === 0 || v === 1)) {
    if (frameCount !== undefined && value.length !== frameCount) {
      return { ok: false, message: `the ground truth has ${value.length} labels but the video has ${frameCount} frames; give one label per frame` };
    }
    return { ok: true, value: { kind: 'labels', labels: value as number[] } };
  }
  if (value.every((v) => Array.isArray(v) && v.length === 2 && isFrameIndex(v[0]) && isFrameIndex(v[1]))) {
    const intervals = value as [number, number][];
    const bad = intervals.find(([start, end]) => end < start || (frameCount !== undefined && end >= frameCount));
    if (bad) {
      return {
        ok: false,
        message: `the interval [${bad[0]},${bad[1]}] is not valid${frameCount !== undefined ? ` for a video of ${frameCount} frames` : ''}; intervals are inclusive [start,end] frame indices from 0`,
      };
    }
    return { ok: true, value: { kind: 'intervals', intervals } };
  }
  return { ok: false, message: 'the ground truth must hold only 0/1 labels, or only [start,end] pairs of frame indices' };
}

/** The setFrameLabels variables for a video's parsed ground truth, in whichever form it came. */
export function frameLabelsVariables(videoId: string, labels: ParsedLabels): { videoId: string; labels?: number[]; intervals?: [number, number][] } {
  return labels.kind === 'labels' ? { videoId, labels: labels.labels } : { videoId, intervals: labels.intervals };
}
