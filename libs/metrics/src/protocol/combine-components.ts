// Eq. 6: the anomaly score as a weighted sum of the three raw components, per frame or per pixel.
// Raw components are stored separately (docs/method.md §7) so that any weighting can be re-applied later. The
// pixel components (teacher error, discrepancy) are means over the model's output channels — frame t's c
// channels and the anomaly-map channel — and are kept per channel group, because the groups live on
// different scales and a protocol may put each on its own scale first (component-normalisation.ts).
import { MetricsError, MetricsErrorCode } from '../metrics.error';
import { assertPixelMaps, type PixelMap } from '../pixel-map';
import type { ComponentWeights } from './protocol';

/** Per-frame raw components of one video, index-aligned. */
export interface FrameComponents {
  readonly teacherError: ArrayLike<number>;
  readonly discrepancy: ArrayLike<number>;
  readonly classifier: ArrayLike<number>;
}

/** One channel group of a pixel component: per frame, the mean over the group's channels of the squared error. */
export interface ChannelGroup {
  /** How many output channels the group covers: its weight in the component's mean over channels. */
  readonly channels: number;
  readonly maps: readonly PixelMap[];
}

/** A pixel component of eq. 6 by channel group, e.g. `{ frame: …, anomalyMap: … }`. */
export type PixelComponent = Readonly<Record<string, ChannelGroup>>;

/** Per-video raw components: channel-group maps (one per frame) for the pixel components, one value per frame for the classifier. */
export interface MapComponents {
  readonly teacherError: PixelComponent;
  /** Null without a student: contributes nothing. */
  readonly discrepancy: PixelComponent | null;
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

/** Number of frames of the video the components describe. */
export function frameCountOf(components: MapComponents): number {
  const first = Object.values(components.teacherError)[0];
  if (first === undefined) throw new MetricsError(MetricsErrorCode.EmptyInput, 'the teacher error has no channel group');
  return first.maps.length;
}

/** Checks that every channel group has one map per frame (all of one size) and the classifier one value per frame. */
export function assertMapComponents(components: MapComponents): void {
  const frames = frameCountOf(components);
  const groups = [...Object.entries(components.teacherError), ...Object.entries(components.discrepancy ?? {})];
  for (const [name, group] of groups) {
    if (group.maps.length !== frames) {
      throw new MetricsError(MetricsErrorCode.LengthMismatch, `channel group ${name} has ${group.maps.length} maps for ${frames} frames; give one per frame`);
    }
    if (!(Number.isInteger(group.channels) && group.channels >= 1)) {
      throw new MetricsError(MetricsErrorCode.InvalidParameter, `channel group ${name} covers ${group.channels} channels; give an integer ≥ 1`);
    }
  }
  if (components.classifier !== null && components.classifier.length !== frames) {
    throw new MetricsError(
      MetricsErrorCode.LengthMismatch,
      `components have ${frames} frames of maps and ${components.classifier.length} classifier values; give one per frame`,
    );
  }
  assertPixelMaps(
    groups.flatMap(([, group]) => group.maps),
    'component maps',
  );
}

/** Adds weight × (channel-weighted mean of the groups' maps of frame t) into `into`. */
function addChannelMean(into: Float32Array, component: PixelComponent, t: number, weight: number): void {
  const groups = Object.values(component);
  const channels = groups.reduce((sum, g) => sum + g.channels, 0);
  for (const group of groups) {
    const factor = (weight * group.channels) / channels;
    const data = group.maps[t].data;
    for (let i = 0; i < into.length; i++) into[i] += factor * data[i];
  }
}

/** A pixel component's maps as the mean over its output channels (each group weighted by its channel count). */
export function channelMeanMaps(component: PixelComponent): PixelMap[] {
  const groups = Object.values(component);
  if (groups.length === 0) throw new MetricsError(MetricsErrorCode.EmptyInput, 'the component has no channel group');
  assertPixelMaps(
    groups.flatMap((g) => g.maps),
    'component maps',
  );
  return groups[0].maps.map((map, t) => {
    const data = new Float32Array(map.data.length);
    addChannelMean(data, component, t, 1);
    return { width: map.width, height: map.height, data };
  });
}

/** Pixel-wise eq. 6 for every frame (an absent component counts 0); returns one Float32Array map per frame. */
export function combineMapComponents(components: MapComponents, weights: ComponentWeights): PixelMap[] {
  assertMapComponents(components);
  const { teacherError, discrepancy, classifier } = components;
  const frames = Object.values(teacherError)[0].maps;
  return frames.map((map, t) => {
    const data = new Float32Array(map.data.length);
    addChannelMean(data, teacherError, t, weights.teacherError);
    if (discrepancy !== null) addChannelMean(data, discrepancy, t, weights.discrepancy);
    if (classifier !== null) {
      const offset = weights.classifier * classifier[t];
      for (let i = 0; i < data.length; i++) data[i] += offset;
    }
    return { width: map.width, height: map.height, data };
  });
}
