// Region-level metrics of an evaluation (RBDC, TBDC; docs/evaluation.md): detections from each video's combined
// anomaly volume (the protocol's normalised, weighted and filtered token maps — the same volume whose frame
// maxima give the frame scores), ground-truth tracks from the videos' pixel masks, in the frame's own pixels.
// Rules chosen here (documented with every result): detections are the connected components above each of
// `levels` thresholds evenly spaced between the smallest and the largest value of the whole evaluation,
// scored by the map's maximum inside their box; map boxes are scaled to the frame's resolution.
import { openImportedMasks, readMaskFrames } from '@vad/data';
import { detectionsFromMaps, evaluateRegions, tracksFromMasks, type Detection, type GroundTruthRegion, type PixelMap } from '@vad/metrics';

export interface RegionVideo {
  name: string;
  frameCount: number;
  width: number;
  height: number;
  /** The combined anomaly volume: one map per frame. */
  volume: readonly PixelMap[];
  masksPath: string;
  maskFormat: 'image-folder' | 'npy' | 'mat';
  maskFrameIndices?: number[];
}

export interface RegionMetricsOptions {
  /** Threshold levels (default 16). */
  levels?: number;
}

export interface RegionMetrics {
  rbdc: number;
  tbdc: number;
  detections: number;
  regions: number;
  tracks: number;
  rule: string;
}

/** A box on a w×h map, as the frame pixels it covers on a W×H frame (inclusive coordinates). */
export function scaleBox(
  [x1, y1, x2, y2]: readonly [number, number, number, number],
  from: { width: number; height: number },
  to: { width: number; height: number },
): [number, number, number, number] {
  const sx = to.width / from.width;
  const sy = to.height / from.height;
  return [Math.floor(x1 * sx), Math.floor(y1 * sy), Math.ceil((x2 + 1) * sx) - 1, Math.ceil((y2 + 1) * sy) - 1];
}

export async function regionMetrics(videos: readonly RegionVideo[], options: RegionMetricsOptions = {}): Promise<RegionMetrics> {
  const levels = options.levels ?? 16;
  let bottom = Number.POSITIVE_INFINITY;
  let top = Number.NEGATIVE_INFINITY;
  for (const video of videos) {
    for (const map of video.volume) {
      for (const value of map.data) {
        if (value < bottom) bottom = value;
        if (value > top) top = value;
      }
    }
  }
  const thresholds = top > bottom ? Array.from({ length: levels }, (_, i) => bottom + ((top - bottom) * (i + 1)) / (levels + 1)) : [];
  const detections: Detection[] = [];
  const regions: GroundTruthRegion[] = [];
  let frames = 0;
  for (const video of videos) {
    const maps = video.volume;
    if (thresholds.length > 0 && maps.length > 0) {
      for (const detection of detectionsFromMaps(video.name, maps, { thresholds })) {
        detections.push({ ...detection, box: scaleBox(detection.box, maps[0], video) });
      }
    }
    const set = await openImportedMasks({
      name: video.name,
      masksPath: video.masksPath,
      maskFormat: video.maskFormat,
      maskFrameIndices: video.maskFrameIndices,
    });
    if (!set) throw new Error(`the masks of ${video.name} are missing`);
    const masks: PixelMap[] = [];
    for await (const mask of readMaskFrames(set, video)) masks.push({ width: video.width, height: video.height, data: mask });
    regions.push(...tracksFromMasks(video.name, masks));
    frames += video.frameCount;
  }
  const result = evaluateRegions(detections, regions, frames);
  return {
    rbdc: result.rbdc,
    tbdc: result.tbdc,
    detections: detections.length,
    regions: result.numRegions,
    tracks: result.numTracks,
    rule: `the protocol's combined anomaly volume; ${thresholds.length} thresholds evenly spaced between its minimum ${bottom.toFixed(3)} and maximum ${top.toFixed(3)}; components (8-connected), box max; boxes scaled to frame pixels`,
  };
}
