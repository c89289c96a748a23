// Objects cut where pixel annotations mark an anomaly, e.g. UBnormal's abnormal actors in its abnormal
// training videos (the paper's source of synthetic anomalies, docs/method.md §6), when a user imported it.
import type { FrameStore } from '../cache/frame-store';
import { openCachedVideo } from '../cache/cache-video';
import type { FrameCache } from '../cache/frame-cache';
import type { FrameGeometry } from '../decode/frame-decoder';
import { type MaskSet, openImportedMasks, readMaskFrames } from '../ground-truth/pixel-masks';
import type { ImportedVideo } from '../importers/imported-dataset';
import type { Random } from '../random/seeded-random';
import type { AnomalyObject, AnomalyObjectSource } from './anomaly-object';
import { poolSource } from './anomaly-object';
import { connectedRegions, cutBox, toGray } from './binary-regions';

export interface AnnotatedVideo {
  frames: FrameStore;
  /** Frame indices that have a non-empty mask. */
  annotatedFrames: readonly number[];
  /** The 0/1 mask of a frame at the store's size. */
  maskAt(index: number): Promise<Uint8Array>;
}

/** Nearest-neighbour resize of a 0/1 mask (annotations are at the video's native size). */
export function resizeMask(mask: Uint8Array, from: { width: number; height: number }, to: { width: number; height: number }): Uint8Array {
  const out = new Uint8Array(to.width * to.height);
  for (let y = 0; y < to.height; y++) {
    const sy = Math.min(Math.floor(((y + 0.5) * from.height) / to.height), from.height - 1);
    for (let x = 0; x < to.width; x++)
      out[y * to.width + x] = mask[sy * from.width + Math.min(Math.floor(((x + 0.5) * from.width) / to.width), from.width - 1)];
  }
  return out;
}

export async function createAnnotatedRegionSource(
  videos: readonly AnnotatedVideo[],
  random: Random,
  options: { maxObjects?: number; minPixels?: number } = {},
): Promise<AnomalyObjectSource> {
  const maxObjects = options.maxObjects ?? 128;
  const minPixels = options.minPixels ?? 32;
  const objects: AnomalyObject[] = [];
  const candidates = videos.filter((v) => v.annotatedFrames.length > 0);
  for (let attempt = 0; attempt < maxObjects * 2 && objects.length < maxObjects && candidates.length > 0; attempt++) {
    const video = random.pick(candidates);
    const index = random.pick(video.annotatedFrames);
    const { frames } = video;
    const gray = toGray(await frames.readFrame(index), frames.channels);
    for (const region of connectedRegions(await video.maskAt(index), frames.width, frames.height)) {
      if (region.area < minPixels || objects.length >= maxObjects) continue;
      objects.push({
        width: region.width,
        height: region.height,
        pixels: cutBox(gray, frames.width, region),
        mask: region.mask,
        origin: `annotated:${frames.name}#${index}`,
      });
    }
  }
  return poolSource('annotated-regions', objects);
}

/**
 * Reads a video's masks once (streamed) and keeps, resized to the frames' size, every fourth annotated
 * frame (neighbouring frames show nearly the same object), up to `maxFrames`.
 */
export async function loadAnnotatedVideo(
  frames: FrameStore,
  masks: MaskSet,
  native: { name: string; width: number; height: number; frameCount: number },
  options: { maxFrames?: number } = {},
): Promise<AnnotatedVideo> {
  const maxFrames = options.maxFrames ?? 32;
  const kept = new Map<number, Uint8Array>();
  let index = 0;
  let annotated = 0;
  for await (const mask of readMaskFrames(masks, native)) {
    if (kept.size < maxFrames && mask.includes(1) && annotated++ % 4 === 0) kept.set(index, resizeMask(mask, native, frames));
    index++;
  }
  return {
    frames,
    annotatedFrames: [...kept.keys()],
    maskAt: async (i) => kept.get(i) ?? new Uint8Array(frames.width * frames.height),
  };
}

/**
 * Opens the annotated abnormal videos of an import (ImportedDataset.anomalySources, e.g. UBnormal's
 * abnormal training videos) at the model's size through the frame cache, with their masks loaded.
 */
export async function openAnnotatedVideos(
  cache: FrameCache,
  videos: readonly ImportedVideo[],
  geometry: FrameGeometry,
  options: { maxFramesPerVideo?: number } = {},
): Promise<AnnotatedVideo[]> {
  const opened: AnnotatedVideo[] = [];
  for (const video of videos) {
    const masks = await openImportedMasks(video);
    if (masks === undefined) continue;
    const frames = await openCachedVideo(cache, video, geometry);
    opened.push(await loadAnnotatedVideo(frames, masks, video, { maxFrames: options.maxFramesPerVideo }));
  }
  return opened;
}
