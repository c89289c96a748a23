// Boxes with inclusive integer pixel coordinates [x1, y1, x2, y2], as in the Street Scene protocol
// (Ramachandra & Jones, WACV 2020): a box covering one pixel has x1 = x2 and area 1.
import { MetricsError, MetricsErrorCode } from '../metrics.error';

export type Box = readonly [x1: number, y1: number, x2: number, y2: number];

/** (x2 − x1 + 1)(y2 − y1 + 1). */
export function boxArea(box: Box): number {
  return (box[2] - box[0] + 1) * (box[3] - box[1] + 1);
}

/** Intersection over union of two inclusive boxes; 0 when they share no pixel. */
export function boxIou(a: Box, b: Box): number {
  const width = Math.min(a[2], b[2]) - Math.max(a[0], b[0]) + 1;
  const height = Math.min(a[3], b[3]) - Math.max(a[1], b[1]) + 1;
  if (width <= 0 || height <= 0) return 0;
  const intersection = width * height;
  return intersection / (boxArea(a) + boxArea(b) - intersection);
}

/** Throws unless the box is four integers with x1 ≤ x2 and y1 ≤ y2. */
export function assertBox(box: Box, what: string): void {
  if (!Array.isArray(box) || box.length !== 4 || !box.every((v) => Number.isInteger(v))) {
    throw new MetricsError(MetricsErrorCode.InvalidBox, `${what}: box ${JSON.stringify(box)} must be four integers [x1, y1, x2, y2]`);
  }
  if (box[2] < box[0] || box[3] < box[1]) {
    throw new MetricsError(MetricsErrorCode.InvalidBox, `${what}: box ${JSON.stringify(box)} has x2 < x1 or y2 < y1 (corners are inclusive)`);
  }
}
