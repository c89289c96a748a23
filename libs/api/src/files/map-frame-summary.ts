// What the run viewer needs beside a map's picture to read it: the values at both ends of its colour ramp,
// the frame's peak, and the regions a threshold detects in it (connected map cells at or above the threshold,
// as boxes in map cells), the same detections that region-level evaluation scores.
import { regionsFromMap } from '@vad/metrics';
import type { RunMapVolume } from './run-map-volume';

export interface MapRegion {
  /** Map cells, inclusive: x0..x1 across, y0..y1 down. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  peak: number;
}

export interface MapFrameSummary {
  width: number;
  height: number;
  low: number;
  high: number;
  scale: RunMapVolume['scale'];
  peak: number;
  regions: MapRegion[];
}

export function mapFrameSummary(volume: RunMapVolume, frame: number, threshold: number | null): MapFrameSummary {
  const map = { width: volume.width, height: volume.height, data: volume.frames[frame].data };
  let peak = Number.NEGATIVE_INFINITY;
  for (const v of map.data) if (v > peak) peak = v;
  const regions =
    threshold === null || !Number.isFinite(threshold) || !(peak >= threshold)
      ? []
      : regionsFromMap(map, { thresholds: [threshold] }).map(({ box: [x0, y0, x1, y1], score }) => ({ x0, y0, x1, y1, peak: score }));
  return { width: volume.width, height: volume.height, low: volume.low, high: volume.high, scale: volume.scale, peak, regions };
}
