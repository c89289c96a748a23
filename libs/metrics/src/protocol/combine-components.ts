// Eq. 6: the anomaly score as a weighted sum of the three raw components, per frame or per pixel.
// Raw components are stored separately (METHOD.md §7) so that any weighting can be re-applied later.
import { MetricsError, MetricsErrorCode } from '../metrics.error';
import { assertPixelMaps, type PixelMap } from '../pixel-map';
import type { ComponentWeights } from './protocol';

/** Per-frame raw components of one video, index-aligned. */
export interface FrameComponents {
  readonly teacherError: ArrayLike<number>;
  readonly discrepancy: ArrayLike<number>;
  readonly classifier: ArrayLike<number>;
}

/** Per-video raw components: one map per frame for the pixel components, one value per frame for the classifier. */
export interface MapComponents {
  readonly teacherError: readonly PixelMap[];
  /** Null without a student: contributes nothing. */
  readonly discrepancy: readonly PixelMap[] | null;
  /** ŷ_t per frame, added to every pixel of its frame (it has no pixels); null without a classification head. */
  readonly classifier: ArrayLike<number> | null;
}

/** @example combineComponents({ teacherError: [1], discrepancy: [2], classifier: [0] }, { teacherError: 0.4, discrepancy: 0.3, classifier: 0.3 }) // [1] */
export function combineComponents(components: FrameComponents, weights: ComponentWeights): Float64Array {
  const { teacherError, discrepancy, classifier } = components;
  const n = teacherError.length;
  if (discrepancy.length !== n || classifier.length !== n) {
    throw new MetricsError(
      MetricsErrorCode.LengthMismatch,
      `components have ${n} teacher-error, ${discrepancy.length} discrepancy and ${classifier.length} classifier values; give one of each per frame`,
    );
  }
  const scores = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    scores[t] = weights.teacherError * teacherError[t] + weights.discrepancy * discrepancy[t] + weights.classifier * classifier[t];
  }
  return scores;
}

/** Checks that the components have one map (or value) per frame, all maps of one size. */
export function assertMapComponents(components: MapComponents): void {
  const { teacherError, discrepancy, classifier } = components;
  const frames = teacherError.length;
  if ((discrepancy !== null && discrepancy.length !== frames) || (classifier !== null && classifier.length !== frames)) {
    throw new MetricsError(
      MetricsErrorCode.LengthMismatch,
      `components have ${frames} teacher-error maps, ${discrepancy?.length ?? 'no'} discrepancy maps and ${classifier?.length ?? 'no'} classifier values; give one of each per frame`,
    );
  }
  assertPixelMaps([...teacherError, ...(discrepancy ?? [])], 'component maps');
}

/** Pixel-wise eq. 6 for every frame (an absent component counts 0); returns one Float32Array map per frame. */
export function combineMapComponents(components: MapComponents, weights: ComponentWeights): PixelMap[] {
  assertMapComponents(components);
  const { teacherError, discrepancy, classifier } = components;
  return teacherError.map((map, t) => {
    const data = new Float32Array(map.data.length);
    const d = discrepancy?.[t].data;
    const offset = classifier === null ? 0 : weights.classifier * classifier[t];
    for (let i = 0; i < data.length; i++) {
      data[i] = weights.teacherError * map.data[i] + (d === undefined ? 0 : weights.discrepancy * d[i]) + offset;
    }
    return { width: map.width, height: map.height, data };
  });
}
