// Ground-truth regions and tracks from pixel masks, for data sets that ship masks but no tracks
// (docs/evaluation.md). Each frame's mask is split into connected components (one region each); a region
// continues the track of the previous frame's region it overlaps most (pixel overlap, consecutive frames
// only), otherwise it starts a new track.
//
// Interpretations: when a region overlaps several previous regions (two events merging) it joins the one
// with the most shared pixels (ties: the older track); when several regions overlap one previous region (an
// event splitting) they all stay in its track, since they are one event. A frame without any overlap ends
// the track: an event that vanishes and reappears counts as two.
import { assertPixelMaps, type PixelMap } from '../pixel-map';
import { connectedComponents, type Connectivity } from './connected-components';
import type { GroundTruthRegion } from './region';

export interface TracksFromMasksOptions {
  /** Default 8. */
  readonly connectivity?: Connectivity;
  /** Components with fewer pixels are ignored (annotation specks). Default 1: keep all. */
  readonly minArea?: number;
}

/** Regions of one video, frame by frame; track ids are "0", "1", … in order of first appearance. */
export function tracksFromMasks(video: string, masks: readonly PixelMap[], options: TracksFromMasksOptions = {}): GroundTruthRegion[] {
  assertPixelMaps(masks, `masks of video "${video}"`);
  const minArea = options.minArea ?? 1;
  const regions: GroundTruthRegion[] = [];
  let previousLabels: Int32Array | null = null;
  /** Track of each previous-frame label (index = label); -1 for ignored components. */
  let previousTracks: number[] = [];
  let tracks = 0;
  masks.forEach((mask, frame) => {
    const { labels, components } = connectedComponents(mask, options.connectivity ?? 8);
    const currentTracks: number[] = new Array<number>(components.length + 1).fill(-1);
    const overlaps = previousLabels === null ? null : countOverlaps(labels, previousLabels, previousTracks.length);
    for (const component of components) {
      if (component.area < minArea) continue;
      let track = -1;
      let best = 0;
      overlaps?.get(component.label)?.forEach((shared, previousLabel) => {
        const candidate = previousTracks[previousLabel];
        if (candidate < 0) return;
        if (shared > best || (shared === best && candidate < track)) {
          best = shared;
          track = candidate;
        }
      });
      if (track < 0) track = tracks++;
      currentTracks[component.label] = track;
      regions.push({ video, track: String(track), frame, box: component.box });
    }
    previousLabels = labels;
    previousTracks = currentTracks;
  });
  return regions;
}

/** overlaps.get(current label).get(previous label) = shared pixels. */
function countOverlaps(current: Int32Array, previous: Int32Array, previousCount: number): Map<number, Map<number, number>> {
  const counts = new Map<number, number>();
  for (let i = 0; i < current.length; i++) {
    if (current[i] !== 0 && previous[i] !== 0) {
      const key = current[i] * previousCount + previous[i];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const overlaps = new Map<number, Map<number, number>>();
  counts.forEach((shared, key) => {
    const previousLabel = key % previousCount;
    const currentLabel = (key - previousLabel) / previousCount;
    let row = overlaps.get(currentLabel);
    if (row === undefined) overlaps.set(currentLabel, (row = new Map()));
    row.set(previousLabel, shared);
  });
  return overlaps;
}
