// Puts the components of eq. 6 on one scale before they are weighted and added. Raw, the classifier's
// probability (≈ 0.3) outweighs the teacher's reconstruction error (≈ 0.02) twentyfold, so α, β and γ would
// not mean what they say. `training-statistics` standardises every component with a location and scale
// measured on normal TRAINING data (held-out training videos, stored with the model version); it never
// sees the test videos. `per-video-min-max` rescales each component to [0, 1] within each test video, which
// looks at the test video itself (but not its labels) — offered as a named option, as some papers do.
import { MetricsError, MetricsErrorCode } from '../metrics.error';
import type { PixelMap } from '../pixel-map';
import type { MapComponents } from './combine-components';

export const COMPONENT_NORMALISATIONS = ['none', 'training-statistics', 'per-video-min-max'] as const;
export type ComponentNormalisation = (typeof COMPONENT_NORMALISATIONS)[number];

/** A component's location and scale on normal data: it becomes (value − location) / scale. */
export interface ComponentStatistic {
  readonly location: number;
  readonly scale: number;
}

/** Statistics of each component of eq. 6; null for a component the model does not have. */
export interface ComponentStatistics {
  readonly teacherError: ComponentStatistic;
  readonly discrepancy: ComponentStatistic | null;
  readonly classifier: ComponentStatistic | null;
}

/** Mean and standard deviation of values (a zero deviation becomes scale 1, so that constants stay finite). */
function meanAndDeviation(chunks: Iterable<ArrayLike<number>>, what: string): ComponentStatistic {
  let count = 0;
  let mean = 0;
  let m2 = 0;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const value = chunk[i];
      if (!Number.isFinite(value)) throw new MetricsError(MetricsErrorCode.NonFiniteScore, `${what}: value ${value} is not finite`);
      count += 1;
      const delta = value - mean;
      mean += delta / count;
      m2 += delta * (value - mean);
    }
  }
  if (count === 0) throw new MetricsError(MetricsErrorCode.EmptyInput, `${what}: no values to estimate statistics from`);
  const deviation = Math.sqrt(m2 / count);
  return { location: mean, scale: deviation > 0 ? deviation : 1 };
}

/**
 * Location (mean) and scale (standard deviation) of each component over every map cell of every frame of
 * normal videos — the unit the pixel stages work in — and, for the classifier, over frames.
 * @example estimateComponentStatistics([{ teacherError: [{ width: 2, height: 1, data: Float32Array.of(1, 3) }], discrepancy: null, classifier: null }]).teacherError // { location: 2, scale: 1 }
 */
export function estimateComponentStatistics(videos: readonly MapComponents[]): ComponentStatistics {
  const has = (pick: (v: MapComponents) => unknown) => videos.length > 0 && videos.every((v) => pick(v) !== null);
  return {
    teacherError: meanAndDeviation(videos.flatMap((v) => v.teacherError.map((m) => m.data)), 'teacher error'),
    discrepancy: has((v) => v.discrepancy) ? meanAndDeviation(videos.flatMap((v) => (v.discrepancy as readonly PixelMap[]).map((m) => m.data)), 'discrepancy') : null,
    classifier: has((v) => v.classifier) ? meanAndDeviation(videos.map((v) => v.classifier as ArrayLike<number>), 'classifier') : null,
  };
}

function affineMaps(maps: readonly PixelMap[], { location, scale }: ComponentStatistic): PixelMap[] {
  return maps.map((map) => {
    const data = new Float32Array(map.data.length);
    for (let i = 0; i < data.length; i++) data[i] = (map.data[i] - location) / scale;
    return { width: map.width, height: map.height, data };
  });
}

function affineValues(values: ArrayLike<number>, { location, scale }: ComponentStatistic): Float64Array {
  return Float64Array.from(values, (v) => (v - location) / scale);
}

function rangeOf(chunks: Iterable<ArrayLike<number>>): ComponentStatistic {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      if (chunk[i] < min) min = chunk[i];
      if (chunk[i] > max) max = chunk[i];
    }
  }
  // A constant component carries no ranking within the video: it becomes all zeros.
  return { location: Number.isFinite(min) ? min : 0, scale: max > min ? max - min : Number.POSITIVE_INFINITY };
}

/** The normalised components; statistics are required by `training-statistics` (and must cover each present component). */
export function normaliseComponents(components: MapComponents, normalisation: ComponentNormalisation, statistics: ComponentStatistics | null): MapComponents {
  const { teacherError, discrepancy, classifier } = components;
  switch (normalisation) {
    case 'none':
      return components;
    case 'per-video-min-max':
      return {
        teacherError: affineMaps(teacherError, rangeOf(teacherError.map((m) => m.data))),
        discrepancy: discrepancy === null ? null : affineMaps(discrepancy, rangeOf(discrepancy.map((m) => m.data))),
        classifier: classifier === null ? null : affineValues(classifier, rangeOf([classifier])),
      };
    case 'training-statistics': {
      if (statistics === null) {
        throw new MetricsError(MetricsErrorCode.InvalidParameter, 'normalisation training-statistics needs the model version’s component statistics');
      }
      const missing = (present: unknown, statistic: ComponentStatistic | null) => present !== null && statistic === null;
      if (missing(discrepancy, statistics.discrepancy) || missing(classifier, statistics.classifier)) {
        throw new MetricsError(MetricsErrorCode.InvalidParameter, 'the component statistics do not cover every component of these scores');
      }
      return {
        teacherError: affineMaps(teacherError, statistics.teacherError),
        discrepancy: discrepancy === null ? null : affineMaps(discrepancy, statistics.discrepancy as ComponentStatistic),
        classifier: classifier === null ? null : affineValues(classifier, statistics.classifier as ComponentStatistic),
      };
    }
  }
}
