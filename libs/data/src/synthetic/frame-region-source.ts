// Objects cut from the data set's own frames: regions that move (found by frame differencing, closed
// and hole-filled) are people, bikes or cars of this very scene; pasted elsewhere, larger or faster,
// they make anomalies that look like the data without any download (docs/method.md §6).
import type { FrameStore } from '../cache/frame-store';
import type { Random } from '../random/seeded-random';
import { medianFilter3x3 } from '../signals/median-filter';
import type { AnomalyObject, AnomalyObjectSource } from './anomaly-object';
import { poolSource } from './anomaly-object';
import { connectedRegions, cutBox, dilate3x3, erode3x3, fillHoles, type Region, toGray } from './binary-regions';

export interface MovingRegionOptions {
  /** Gray-level difference that counts as motion. */
  threshold: number;
  /** Smallest region, as a fraction of the frame area. */
  minArea: number;
  /** Largest region box, as a fraction of the frame area (bigger ones are lighting changes or camera shake). */
  maxArea: number;
}

export const DEFAULT_MOVING_REGION_OPTIONS: Readonly<MovingRegionOptions> = { threshold: 20, minArea: 0.002, maxArea: 0.25 };

/** Regions that differ between two gray frames around the current one, as masks in the current frame's coordinates. */
export function findMovingRegions(
  earlier: Uint8Array,
  later: Uint8Array,
  width: number,
  height: number,
  options: MovingRegionOptions = DEFAULT_MOVING_REGION_OPTIONS,
): Region[] {
  const difference = new Uint8Array(width * height);
  for (let i = 0; i < difference.length; i++) difference[i] = Math.abs(later[i] - earlier[i]);
  const smooth = medianFilter3x3(difference, { width, height, channels: 1 });
  let moving: Uint8Array = smooth.map((v) => (v > options.threshold ? 1 : 0));
  // Closing joins the edges a moving body leaves in a difference image into one blob.
  moving = dilate3x3(dilate3x3(moving, width, height), width, height);
  moving = fillHoles(moving, width, height);
  moving = erode3x3(erode3x3(moving, width, height), width, height);
  const frameArea = width * height;
  return connectedRegions(moving, width, height).filter(
    (r) => r.area >= options.minArea * frameArea && r.width * r.height <= options.maxArea * frameArea && r.width >= 4 && r.height >= 4,
  );
}

export interface FrameRegionSourceOptions extends MovingRegionOptions {
  /** Frames examined (spread over the videos at random). */
  framesToScan: number;
  /** Objects kept at most. */
  maxObjects: number;
  /** Distance in frames between the two frames differenced around frame t. */
  frameGap: number;
}

// Most frames yield no region; on Ped2's 14 training videos 48 frames gave 13–15 objects from 8–10 videos,
// so every synthetic anomaly of a training run was one of a dozen bodies. 400 frames give about 110 from all
// of them, in well under a second.
export const DEFAULT_FRAME_REGION_SOURCE_OPTIONS: Readonly<FrameRegionSourceOptions> = {
  ...DEFAULT_MOVING_REGION_OPTIONS,
  framesToScan: 400,
  maxObjects: 256,
  frameGap: 2,
};

/** Builds a pool of moving objects from the stores' frames; the pool may be empty in a still scene. */
export async function createFrameRegionSource(
  stores: readonly FrameStore[],
  random: Random,
  options: Partial<FrameRegionSourceOptions> = {},
): Promise<AnomalyObjectSource> {
  const o = { ...DEFAULT_FRAME_REGION_SOURCE_OPTIONS, ...options };
  const usable = stores.filter((s) => s.frameCount > 2 * o.frameGap);
  const objects: AnomalyObject[] = [];
  for (let k = 0; k < o.framesToScan && usable.length > 0 && objects.length < o.maxObjects; k++) {
    const store = random.pick(usable);
    const t = random.int(o.frameGap, store.frameCount - o.frameGap);
    const [earlier, current, later] = await Promise.all([store.readFrame(t - o.frameGap), store.readFrame(t), store.readFrame(t + o.frameGap)]);
    const gray = (f: Uint8Array) => toGray(f, store.channels);
    const frame = gray(current);
    for (const region of findMovingRegions(gray(earlier), gray(later), store.width, store.height, o)) {
      if (objects.length >= o.maxObjects) break;
      objects.push({
        width: region.width,
        height: region.height,
        pixels: cutBox(frame, store.width, region),
        mask: region.mask,
        origin: `region:${store.name}#${t}`,
      });
    }
  }
  return poolSource('frame-regions', objects);
}
