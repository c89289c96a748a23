// Puts the components of eq. 6 on one scale before they are weighted and added. Raw, the classifier's
// probability (≈ 0.3) outweighs the teacher's reconstruction error (≈ 0.02) twentyfold, so α, β and γ would
// not mean what they say; inside the pixel components the anomaly-map channel (a probability, ≈ 0 on normal
// pixels) and the frame channels (grey-level errors) differ as much. So each channel group of each component
// is rescaled on its own, before the mean over channels:
// - `training-statistics` standardises it with a location and scale measured on normal TRAINING data
//   (held-out training videos, stored with the model version); it never sees the test videos;
// - `per-video-min-max` rescales it to [0, 1] within each test video, which looks at the test video itself
//   (but not its labels) — offered as a named option, as some papers do.
import { MetricsError, MetricsErrorCode } from '../metrics.error';
import type { ChannelGroup, MapComponents, PixelComponent } from './combine-components';
import type { ComponentWeights } from './protocol';

export const COMPONENT_NORMALISATIONS = ['none', 'training-statistics', 'per-video-min-max'] as const;
export type ComponentNormalisation = (typeof COMPONENT_NORMALISATIONS)[number];

/** A channel group's (or the classifier's) location and scale on normal data: it becomes (value − location) / scale. */
export interface ComponentStatistic {
  readonly location: number;
  readonly scale: number;
}

/** Statistics of each component of eq. 6, by channel group for the pixel components; null for a component the model lacks. */
export interface ComponentStatistics {
  readonly teacherError: Readonly<Record<string, ComponentStatistic>>;
  readonly discrepancy: Readonly<Record<string, ComponentStatistic>> | null;
  readonly classifier: ComponentStatistic | null;
  /**
   * α, β, γ chosen for this model version on held-out training videos with pseudo-anomalies
   * (choose-component-weights.ts); used by protocols with `weightsFromModelVersion`. Absent on model
   * versions trained before weights were chosen: those protocols then use their own weights.
   */
  readonly weights?: ComponentWeights;
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

function groupStatistics(components: readonly PixelComponent[], what: string): Record<string, ComponentStatistic> {
  const names = Object.keys(components[0] ?? {});
  if (components.some((c) => Object.keys(c).join() !== names.join())) {
    throw new MetricsError(MetricsErrorCode.InvalidParameter, `${what}: the videos have different channel groups`);
  }
  return Object.fromEntries(
    names.map((name) => [
      name,
      meanAndDeviation(
        components.flatMap((c) => c[name].maps.map((m) => m.data)),
        `${what} ${name}`,
      ),
    ]),
  );
}

/**
 * Location (mean) and scale (standard deviation) of each channel group over every map cell of every frame of
 * normal videos — the unit the pixel stages work in — and, for the classifier, over frames.
 * @example estimateComponentStatistics([{ teacherError: { frame: { channels: 1, maps: [{ width: 2, height: 1, data: Float32Array.of(1, 3) }] } }, discrepancy: null, classifier: null }]).teacherError.frame // { location: 2, scale: 1 }
 */
export function estimateComponentStatistics(videos: readonly MapComponents[]): ComponentStatistics {
  if (videos.length === 0) throw new MetricsError(MetricsErrorCode.EmptyInput, 'no videos to estimate statistics from');
  const all = <T>(pick: (v: MapComponents) => T | null): T[] | null => (videos.every((v) => pick(v) !== null) ? videos.map((v) => pick(v) as T) : null);
  const discrepancy = all((v) => v.discrepancy);
  const classifier = all((v) => v.classifier);
  return {
    teacherError: groupStatistics(
      videos.map((v) => v.teacherError),
      'teacher error',
    ),
    discrepancy: discrepancy === null ? null : groupStatistics(discrepancy, 'discrepancy'),
    classifier: classifier === null ? null : meanAndDeviation(classifier, 'classifier'),
  };
}

function affineGroup(group: ChannelGroup, { location, scale }: ComponentStatistic): ChannelGroup {
  return {
    channels: group.channels,
    maps: group.maps.map((map) => {
      const data = new Float32Array(map.data.length);
      for (let i = 0; i < data.length; i++) data[i] = (map.data[i] - location) / scale;
      return { width: map.width, height: map.height, data };
    }),
  };
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
  // A constant group carries no ranking within the video: it becomes all zeros.
  return { location: Number.isFinite(min) ? min : 0, scale: max > min ? max - min : Number.POSITIVE_INFINITY };
}

function mapGroups(component: PixelComponent, rescale: (name: string, group: ChannelGroup) => ChannelGroup): PixelComponent {
  return Object.fromEntries(Object.entries(component).map(([name, group]) => [name, rescale(name, group)]));
}

function statisticOf(statistics: Readonly<Record<string, ComponentStatistic>> | null, what: string, name: string): ComponentStatistic {
  const statistic = statistics?.[name];
  if (statistic === undefined)
    throw new MetricsError(MetricsErrorCode.InvalidParameter, `the component statistics have none for the ${what}'s ${name} channels`);
  return statistic;
}

/** The normalised components; statistics are required by `training-statistics` (and must cover each channel group present). */
export function normaliseComponents(components: MapComponents, normalisation: ComponentNormalisation, statistics: ComponentStatistics | null): MapComponents {
  const { teacherError, discrepancy, classifier } = components;
  switch (normalisation) {
    case 'none':
      return components;
    case 'per-video-min-max': {
      const byRange = (_: string, group: ChannelGroup) => affineGroup(group, rangeOf(group.maps.map((m) => m.data)));
      return {
        teacherError: mapGroups(teacherError, byRange),
        discrepancy: discrepancy === null ? null : mapGroups(discrepancy, byRange),
        classifier: classifier === null ? null : affineValues(classifier, rangeOf([classifier])),
      };
    }
    case 'training-statistics': {
      if (statistics === null) {
        throw new MetricsError(MetricsErrorCode.InvalidParameter, 'normalisation training-statistics needs the model version’s component statistics');
      }
      if (classifier !== null && statistics.classifier === null) {
        throw new MetricsError(MetricsErrorCode.InvalidParameter, 'the component statistics have none for the classifier');
      }
      return {
        teacherError: mapGroups(teacherError, (name, group) => affineGroup(group, statisticOf(statistics.teacherError, 'teacher error', name))),
        discrepancy:
          discrepancy === null ? null : mapGroups(discrepancy, (name, group) => affineGroup(group, statisticOf(statistics.discrepancy, 'discrepancy', name))),
        classifier: classifier === null ? null : affineValues(classifier, statistics.classifier as ComponentStatistic),
      };
    }
  }
}
