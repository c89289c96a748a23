// The two kinds of region the region-level protocol compares: detections (from anomaly maps, scored)
// and ground-truth regions (from masks or imported, each part of one track = one anomalous event).
import { MetricsError, MetricsErrorCode } from '../metrics.error';
import { assertBox, type Box } from './box';

export interface Detection {
  readonly video: string;
  /** Frame index within the video, from 0. */
  readonly frame: number;
  readonly box: Box;
  /** Higher = more anomalous. */
  readonly score: number;
}

export interface GroundTruthRegion {
  readonly video: string;
  /** Track id, unique within its video; all regions of one event share it. */
  readonly track: string;
  readonly frame: number;
  readonly box: Box;
}

export function assertDetection(detection: Detection, what: string): void {
  assertFrame(detection.frame, what);
  assertBox(detection.box, what);
  if (!Number.isFinite(detection.score)) {
    throw new MetricsError(MetricsErrorCode.NonFiniteScore, `${what}: score is ${detection.score}; it must be a finite number`);
  }
}

export function assertGroundTruthRegion(region: GroundTruthRegion, what: string): void {
  assertFrame(region.frame, what);
  assertBox(region.box, what);
}

function assertFrame(frame: number, what: string): void {
  if (!Number.isInteger(frame) || frame < 0) {
    throw new MetricsError(MetricsErrorCode.InvalidParameter, `${what}: frame ${frame} must be an integer ≥ 0`);
  }
}
