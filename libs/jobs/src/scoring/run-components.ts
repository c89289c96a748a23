// The raw components of freshly scored frames (vad score, INFER jobs, component statistics) in the form
// libs/metrics applies protocols to: token maps of each channel group of the teacher error and the
// discrepancy, the classifier per frame. Stored runs are read into the same form by libs/data's
// readMapComponents, value for value, so a protocol gives the CLI and the platform the same frame scores.
import type { MapName } from '@vad/data';
import type { MapComponents, PixelComponent } from '@vad/metrics';
import type { ComponentTokenMaps, FrameScore } from '@vad/model';

type Group = keyof ComponentTokenMaps;

function component(scores: readonly FrameScore[], pick: (s: FrameScore) => ComponentTokenMaps | null): PixelComponent | null {
  const first = scores[0] === undefined ? null : pick(scores[0]);
  if (first === null) return null;
  const { width, height, frameChannels } = scores[0].maps;
  const groupOf = (group: Group, channels: number) => ({
    channels,
    maps: scores.map((s) => ({ width, height, data: (pick(s) as ComponentTokenMaps)[group] as Float32Array })),
  });
  return first.anomalyMap === null
    ? { frame: groupOf('frame', frameChannels) }
    : { frame: groupOf('frame', frameChannels), anomalyMap: groupOf('anomalyMap', 1) };
}

export function componentsOfScores(scores: readonly FrameScore[]): MapComponents {
  if (scores.length === 0) throw new Error('no scored frames');
  return {
    teacherError: component(scores, (s) => s.maps.teacherError) as PixelComponent,
    discrepancy: component(scores, (s) => s.maps.discrepancy),
    classifier: scores[0].classifier === null ? null : scores.map((s) => s.classifier as number),
  };
}

/** The names of the maps a run of such frames stores, and each frame's maps by name. */
export function storedMapsOf(score: FrameScore): Partial<Record<MapName, Float32Array | null>> {
  const { teacherError, discrepancy } = score.maps;
  const maps: Partial<Record<MapName, Float32Array | null>> = { 'teacherError.frame': teacherError.frame };
  if (teacherError.anomalyMap !== null) maps['teacherError.anomalyMap'] = teacherError.anomalyMap;
  if (discrepancy !== null) {
    maps['discrepancy.frame'] = discrepancy.frame;
    if (discrepancy.anomalyMap !== null) maps['discrepancy.anomalyMap'] = discrepancy.anomalyMap;
  }
  return maps;
}
