// Reads the frame-level ground truth of UCSD Ped1/Ped2 from the distribution's MATLAB script
// (UCSDped1.m / UCSDped2.m): one `TestVideoFile{end+1}.gt_frame = [a:b, c:d];` per test video, in order,
// with 1-based inclusive frame ranges.
import { DataError, DataErrorCode } from '../data.error';

export type FrameInterval = [start: number, end: number];

/** Abnormal intervals per test video, in file order, converted to 0-based inclusive frames. */
export function parseUcsdGroundTruth(text: string, file: string): FrameInterval[][] {
  const videos: FrameInterval[][] = [];
  const statement = /gt_frame\s*=\s*\[([^\]]*)\]/g;
  for (let match = statement.exec(text); match !== null; match = statement.exec(text)) {
    const intervals: FrameInterval[] = [];
    for (const token of match[1].split(/[\s,;]+/).filter((t) => t.length > 0)) {
      const range = /^(\d+)(?::(\d+))?$/.exec(token);
      if (range === null) throw new DataError(DataErrorCode.LabelsInvalid, `${file}: cannot read the frame range "${token}" (expected a:b)`, file);
      const start = Number(range[1]);
      const end = Number(range[2] ?? range[1]);
      if (start < 1 || end < start)
        throw new DataError(DataErrorCode.LabelsInvalid, `${file}: the frame range "${token}" is empty or starts before frame 1`, file);
      intervals.push([start - 1, end - 1]);
    }
    videos.push(intervals);
  }
  if (videos.length === 0) throw new DataError(DataErrorCode.LabelsInvalid, `${file} contains no "gt_frame = [...]" line`, file);
  return videos;
}
