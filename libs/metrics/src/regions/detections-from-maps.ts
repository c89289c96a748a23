// Detections from pixel anomaly maps (docs/evaluation.md, region level). For each threshold level, the map is
// binarised (value ≥ level), split into connected components, and each component gives one detection:
// its bounding box, scored by default with the maximum of the map inside that box ('box-max'; the rule the
// spec names). 'component-max' and 'component-mean' score only the component's own pixels.
//
// Why several levels: one threshold gives one operating point; RBDC/TBDC trace a curve over detection
// scores, and low levels contribute the large, weak regions that a single high level misses. The same box
// found at several levels is kept once, with its highest score (duplicates would only add false positives).
import { MetricsError, MetricsErrorCode } from '../metrics.error';
import { assertPixelMaps, type PixelMap } from '../pixel-map';
import type { Box } from './box';
import { connectedComponents, type Connectivity } from './connected-components';
import type { Detection } from './region';

export type RegionScoreRule = 'box-max' | 'component-max' | 'component-mean';

export interface DetectionsFromMapsOptions {
  /** Threshold levels; a pixel is on at a level when its value is ≥ the level. */
  readonly thresholds: readonly number[];
  /** Default 8. */
  readonly connectivity?: Connectivity;
  /** Components with fewer pixels are ignored (noise). Default 1: keep all. */
  readonly minArea?: number;
  /** Default 'box-max'. */
  readonly scoreRule?: RegionScoreRule;
}

export interface ScoredRegion {
  readonly box: Box;
  readonly score: number;
}

/** Regions of one frame's map, in order of first appearance (level by level, raster order). */
export function regionsFromMap(map: PixelMap, options: DetectionsFromMapsOptions): ScoredRegion[] {
  assertPixelMaps([map], 'anomaly map');
  const minArea = options.minArea ?? 1;
  if (options.thresholds.length === 0 || !options.thresholds.every(Number.isFinite) || !(minArea >= 1)) {
    throw new MetricsError(MetricsErrorCode.InvalidParameter, 'detections need at least one finite threshold and minArea ≥ 1');
  }
  const rule = options.scoreRule ?? 'box-max';
  const byBox = new Map<string, ScoredRegion>();
  const mask = new Uint8Array(map.data.length);
  for (const level of options.thresholds) {
    for (let i = 0; i < mask.length; i++) mask[i] = map.data[i] >= level ? 1 : 0;
    const { labels, components } = connectedComponents({ width: map.width, height: map.height, data: mask }, options.connectivity ?? 8);
    for (const component of components) {
      if (component.area < minArea) continue;
      const score = scoreRegion(map, labels, component.label, component.box, rule);
      const key = component.box.join(',');
      const previous = byBox.get(key);
      if (previous === undefined || score > previous.score) byBox.set(key, { box: component.box, score });
    }
  }
  return [...byBox.values()];
}

/** Detections of every frame of one video; frame = index in `maps`. */
export function detectionsFromMaps(video: string, maps: readonly PixelMap[], options: DetectionsFromMapsOptions): Detection[] {
  return maps.flatMap((map, frame) => regionsFromMap(map, options).map((region) => ({ video, frame, ...region })));
}

function scoreRegion(map: PixelMap, labels: Int32Array, label: number, box: Box, rule: RegionScoreRule): number {
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let count = 0;
  for (let y = box[1]; y <= box[3]; y++) {
    for (let x = box[0]; x <= box[2]; x++) {
      const index = y * map.width + x;
      if (rule !== 'box-max' && labels[index] !== label) continue;
      const value = map.data[index];
      if (value > max) max = value;
      sum += value;
      count++;
    }
  }
  switch (rule) {
    case 'box-max':
    case 'component-max':
      return max;
    case 'component-mean':
      return sum / count;
  }
}
