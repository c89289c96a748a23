// Region- and track-based detection criteria, RBDC and TBDC (Ramachandra & Jones, "Street Scene: A new
// dataset and evaluation protocol for video anomaly detection", WACV 2020), exactly as docs/evaluation.md states:
// - all detections of all videos are sorted by score, descending, and walked;
// - a detection is a true positive for every not-yet-found ground-truth region on its frame with IoU ≥ 0.1
//   (inclusive boxes); one with no such region (found or not) is a false positive; one that matches only
//   regions already found counts as neither;
// - a track is detected once ≥ 10% of its regions are found;
// - RBDR = found regions / all regions, TBDR = detected tracks / all tracks, FPR = false positives / test frames;
// - RBDC, TBDC = trapezoid area under RBDR (TBDR) vs FPR on [0, 1], from (0, 0), extended flat to FPR 1 when
//   the curve stops earlier. Returned as fractions; the paper's tables show them ×100.
//
// Interpretations:
// - Operating points: lowering the score threshold past each distinct detection score adds one point (FPR,
//   RBDR, TBDR). Detections with equal scores cannot be separated by any threshold, so they enter together
//   and make one point (the counts after a tie group do not depend on the order inside it).
// - Where the curve passes FPR 1 it is cut there, with RBDR/TBDR linearly interpolated at FPR = 1.
// - "≥ 10% of its regions" is found ≥ ⌈0.1 · regions⌉ (at least one), computed without float drift
//   (0.1 · 30 is 3.0000000000000004 in doubles, which must not demand 4 regions).
import { MetricsError, MetricsErrorCode } from '../metrics.error';
import { boxIou } from './box';
import { assertDetection, assertGroundTruthRegion, type Detection, type GroundTruthRegion } from './region';

export interface RegionEvaluationOptions {
  /** Minimum IoU for a detection to find a region. Default 0.1. */
  readonly iouThreshold?: number;
  /** Fraction of a track's regions that must be found for the track to be detected. Default 0.1. */
  readonly trackFoundFraction?: number;
}

export interface RegionDetectionCurve {
  /** From (0, 0, 0), one point per distinct detection score, in walking order (not cut at FPR 1). */
  readonly fpr: Float64Array;
  readonly rbdr: Float64Array;
  readonly tbdr: Float64Array;
}

export interface RegionEvaluation {
  /** Area under RBDR vs FPR on [0, 1], a fraction. */
  readonly rbdc: number;
  /** Area under TBDR vs FPR on [0, 1], a fraction. */
  readonly tbdc: number;
  readonly numDetections: number;
  readonly numRegions: number;
  readonly numTracks: number;
  readonly numFrames: number;
  readonly iouThreshold: number;
  readonly trackFoundFraction: number;
  readonly curve: RegionDetectionCurve;
}

/**
 * @param numFrames all test frames of the evaluated videos (Ped2 2010, Avenue 15324), the FPR denominator.
 * @throws MetricsError when there is no ground truth or an input is malformed.
 */
export function evaluateRegions(
  detections: readonly Detection[],
  groundTruth: readonly GroundTruthRegion[],
  numFrames: number,
  options: RegionEvaluationOptions = {},
): RegionEvaluation {
  const iouThreshold = options.iouThreshold ?? 0.1;
  const trackFoundFraction = options.trackFoundFraction ?? 0.1;
  if (!Number.isInteger(numFrames) || numFrames < 1) {
    throw new MetricsError(MetricsErrorCode.InvalidParameter, `number of test frames is ${numFrames}; it must be a positive integer`);
  }
  if (!(iouThreshold > 0 && iouThreshold <= 1) || !(trackFoundFraction > 0 && trackFoundFraction <= 1)) {
    throw new MetricsError(MetricsErrorCode.InvalidParameter, 'iouThreshold and trackFoundFraction must lie in (0, 1]');
  }
  if (groundTruth.length === 0) {
    throw new MetricsError(MetricsErrorCode.NoGroundTruth, 'no ground-truth regions: RBDC and TBDC are undefined');
  }
  groundTruth.forEach((region, i) => assertGroundTruthRegion(region, `ground-truth region ${i}`));
  detections.forEach((detection, i) => assertDetection(detection, `detection ${i}`));

  const { regionsOnFrame, trackOfRegion, trackSizes } = indexGroundTruth(groundTruth);
  const numTracks = trackSizes.length;
  const needed = trackSizes.map((size) => regionsNeeded(size, trackFoundFraction));
  const foundInTrack = new Int32Array(numTracks);
  const found = new Uint8Array(groundTruth.length);

  const scores = Float64Array.from(detections, (d) => d.score);
  const order = Uint32Array.from(detections, (_, i) => i).sort((a, b) => scores[b] - scores[a]);

  const fpr = [0];
  const rbdr = [0];
  const tbdr = [0];
  let falsePositives = 0;
  let foundRegions = 0;
  let detectedTracks = 0;
  for (let start = 0; start < order.length;) {
    const groupScore = scores[order[start]];
    let end = start;
    for (; end < order.length && scores[order[end]] === groupScore; end++) {
      const detection = detections[order[end]];
      let matched = false;
      for (const r of regionsOnFrame.get(frameKey(detection.video, detection.frame)) ?? []) {
        if (boxIou(detection.box, groundTruth[r].box) < iouThreshold) continue;
        matched = true;
        if (found[r]) continue;
        found[r] = 1;
        foundRegions++;
        const track = trackOfRegion[r];
        if (++foundInTrack[track] === needed[track]) detectedTracks++;
      }
      if (!matched) falsePositives++;
    }
    fpr.push(falsePositives / numFrames);
    rbdr.push(foundRegions / groundTruth.length);
    tbdr.push(detectedTracks / numTracks);
    start = end;
  }
  return {
    rbdc: areaToUnitFpr(fpr, rbdr),
    tbdc: areaToUnitFpr(fpr, tbdr),
    numDetections: detections.length,
    numRegions: groundTruth.length,
    numTracks,
    numFrames,
    iouThreshold,
    trackFoundFraction,
    curve: { fpr: Float64Array.from(fpr), rbdr: Float64Array.from(rbdr), tbdr: Float64Array.from(tbdr) },
  };
}

/** Trapezoid area under y(x) for x in [0, 1]: cut at x = 1 by interpolation, extended flat when it ends earlier. */
export function areaToUnitFpr(x: readonly number[] | Float64Array, y: readonly number[] | Float64Array): number {
  let area = 0;
  let previousX = 0;
  let previousY = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] > 1) {
      const yAtOne = previousY + ((y[i] - previousY) * (1 - previousX)) / (x[i] - previousX);
      return area + ((1 - previousX) * (previousY + yAtOne)) / 2;
    }
    area += ((x[i] - previousX) * (previousY + y[i])) / 2;
    previousX = x[i];
    previousY = y[i];
  }
  return area + (1 - previousX) * previousY;
}

/** ⌈fraction · size⌉, at least 1, tolerant of binary rounding of the fraction. */
function regionsNeeded(size: number, fraction: number): number {
  return Math.max(1, Math.ceil(fraction * size - 1e-9));
}

function frameKey(video: string, frame: number): string {
  return `${video}\u0000${frame}`;
}

interface GroundTruthIndex {
  readonly regionsOnFrame: Map<string, number[]>;
  readonly trackOfRegion: Int32Array;
  readonly trackSizes: number[];
}

function indexGroundTruth(groundTruth: readonly GroundTruthRegion[]): GroundTruthIndex {
  const regionsOnFrame = new Map<string, number[]>();
  const trackIds = new Map<string, number>();
  const trackOfRegion = new Int32Array(groundTruth.length);
  const trackSizes: number[] = [];
  groundTruth.forEach((region, r) => {
    const key = frameKey(region.video, region.frame);
    const onFrame = regionsOnFrame.get(key);
    if (onFrame === undefined) regionsOnFrame.set(key, [r]);
    else onFrame.push(r);
    const trackKey = `${region.video}\u0000${region.track}`;
    let track = trackIds.get(trackKey);
    if (track === undefined) {
      track = trackSizes.length;
      trackIds.set(trackKey, track);
      trackSizes.push(0);
    }
    trackSizes[track]++;
    trackOfRegion[r] = track;
  });
  return { regionsOnFrame, trackOfRegion, trackSizes };
}
