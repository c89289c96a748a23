// Region-level metrics of an evaluation (RBDC, TBDC; EVALUATION.md): detections from the runs' pixel
// anomaly maps, ground-truth tracks from the videos' pixel masks, both in the frame's own pixels.
// Rules chosen here (documented with every result): the combined map is α·teacher error + β·discrepancy
// (the protocol's weights; the classifier has no pixels); detections are the connected components above
// each of `levels` thresholds evenly spaced up to the largest map value of the whole evaluation, scored by
// the map's maximum inside their box; map boxes are scaled to the frame's resolution.
import { readAnomalyMapHeader, readCombinedAnomalyMap, openImportedMasks, readMaskFrames } from '@vad/data';
import { detectionsFromMaps, evaluateRegions, tracksFromMasks, type Detection, type GroundTruthRegion, type PixelMap } from '@vad/metrics';

export interface RegionVideo {
  name: string;
  frameCount: number;
  width: number;
  height: number;
  mapsFile: string;
  masksPath: string;
  maskFormat: 'image-folder' | 'npy' | 'mat';
  maskFrameIndices?: number[];
}

export interface RegionMetricsOptions {
  weights: { teacherError: number; discrepancy: number };
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

async function combinedMaps(video: RegionVideo, weights: RegionMetricsOptions['weights']): Promise<PixelMap[]> {
  const header = await readAnomalyMapHeader(video.mapsFile);
  const maps: PixelMap[] = [];
  for (let frame = 0; frame < header.frameCount; frame++) {
    const data = (await readCombinedAnomalyMap(video.mapsFile, frame, weights)).values;
    maps.push({ width: header.width, height: header.height, data });
  }
  return maps;
}

/** A box on a w×h map, as the frame pixels it covers on a W×H frame (inclusive coordinates). */
export function scaleBox([x1, y1, x2, y2]: readonly [number, number, number, number], from: { width: number; height: number }, to: { width: number; height: number }): [number, number, number, number] {
  const sx = to.width / from.width;
  const sy = to.height / from.height;
  return [Math.floor(x1 * sx), Math.floor(y1 * sy), Math.ceil((x2 + 1) * sx) - 1, Math.ceil((y2 + 1) * sy) - 1];
}

export async function regionMetrics(videos: readonly RegionVideo[], options: RegionMetricsOptions): Promise<RegionMetrics> {
  const levels = options.levels ?? 16;
  const mapsByVideo = await Promise.all(videos.map((video) => combinedMaps(video, options.weights)));
  let top = 0;
  for (const maps of mapsByVideo) for (const map of maps) for (const value of map.data) top = Math.max(top, value);
  const thresholds = Array.from({ length: levels }, (_, i) => (top * (i + 1)) / (levels + 1)).filter((t) => t > 0);
  const detections: Detection[] = [];
  const regions: GroundTruthRegion[] = [];
  let frames = 0;
  for (const [index, video] of videos.entries()) {
    const maps = mapsByVideo[index];
    if (thresholds.length > 0) {
      for (const detection of detectionsFromMaps(video.name, maps, { thresholds })) {
        detections.push({ ...detection, box: scaleBox(detection.box, maps[0], video) });
      }
    }
    const set = await openImportedMasks({ name: video.name, masksPath: video.masksPath, maskFormat: video.maskFormat, maskFrameIndices: video.maskFrameIndices });
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
    rule: `map = ${options.weights.teacherError}·teacher + ${options.weights.discrepancy}·discrepancy; ${thresholds.length} thresholds evenly spaced below the maximum ${top.toFixed(1)}; components (8-connected), box max; boxes scaled to frame pixels`,
  };
}
