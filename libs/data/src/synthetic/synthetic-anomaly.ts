// Synthetic anomalies (docs/method.md §6): an object from a source, scaled, blurred and moving along a
// straight trajectory, pasted into the frames of a normal training sample. The model's target stays the
// clean frame plus a binary map of where the object is at frame t.
import type { Random } from '../random/seeded-random';
import type { ImageShape } from '../signals/median-filter';
import type { AnomalyObject, AnomalyObjectSource } from './anomaly-object';
import { blurObject, resizeObject } from './object-transform';
import { pasteObject } from './paste-object';
import { positionAt, sampleTrajectory, type Trajectory } from './trajectory';

export interface SyntheticAnomalyOptions {
  /** Object height as a fraction of the frame height, drawn uniformly in this range. */
  minHeight: number;
  maxHeight: number;
  /** Cap on the object width as a fraction of the frame width (the reference code caps object size). */
  maxWidth: number;
  /** Speed range, fraction of the frame width per frame. */
  minSpeed: number;
  maxSpeed: number;
  /** Blur the object 3×3 before pasting (reference code). */
  blur: boolean;
}

export const DEFAULT_SYNTHETIC_ANOMALY_OPTIONS: Readonly<SyntheticAnomalyOptions> = {
  minHeight: 0.15,
  maxHeight: 0.5,
  maxWidth: 0.5,
  minSpeed: 0.01,
  maxSpeed: 0.05,
  blur: true,
};

export interface SyntheticAnomaly {
  /** The object as pasted: scaled and blurred. */
  object: AnomalyObject;
  trajectory: Trajectory;
}

export function sampleSyntheticAnomaly(
  random: Random,
  source: AnomalyObjectSource,
  frame: Pick<ImageShape, 'width' | 'height'>,
  options: SyntheticAnomalyOptions = DEFAULT_SYNTHETIC_ANOMALY_OPTIONS,
): SyntheticAnomaly {
  const raw = source.sample(random);
  let height = Math.max(2, Math.round(random.float(options.minHeight, options.maxHeight) * frame.height));
  let width = Math.max(2, Math.round((height * raw.width) / raw.height));
  const maxWidth = Math.max(2, Math.floor(options.maxWidth * frame.width));
  if (width > maxWidth) {
    height = Math.max(2, Math.round((height * maxWidth) / width));
    width = maxWidth;
  }
  const scaled = resizeObject(raw, width, height);
  const object = options.blur ? blurObject(scaled) : scaled;
  return { object, trajectory: sampleTrajectory(random, frame, object, options) };
}

/** Pastes the anomaly where it is `frameOffset` frames after the sample's frame t; fills `map` if given. */
export function renderSyntheticAnomaly(anomaly: SyntheticAnomaly, frame: Uint8Array, shape: ImageShape, frameOffset: number, map?: Uint8Array): void {
  const { x, y } = positionAt(anomaly.trajectory, frameOffset);
  pasteObject(frame, shape, anomaly.object, x, y, map);
}
