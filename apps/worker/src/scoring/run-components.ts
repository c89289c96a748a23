// The raw components of freshly scored frames (vad score, INFER jobs, component statistics) in the form
// libs/metrics applies protocols to: token maps of the teacher error and discrepancy, the classifier per
// frame. Stored runs are read into the same form by libs/data's readMapComponents, value for value, so a
// protocol gives the CLI and the platform the same frame scores.
import type { MapComponents, PixelMap } from '@vad/metrics';
import type { FrameScore } from '@vad/model';

export function componentsOfScores(scores: readonly FrameScore[]): MapComponents {
  const map = (data: Float32Array, s: FrameScore): PixelMap => ({ width: s.maps.width, height: s.maps.height, data });
  const first = scores[0];
  return {
    teacherError: scores.map((s) => map(s.maps.teacherError, s)),
    discrepancy: first === undefined || first.maps.discrepancy === null ? null : scores.map((s) => map(s.maps.discrepancy as Float32Array, s)),
    classifier: first === undefined || first.classifier === null ? null : scores.map((s) => s.classifier as number),
  };
}
