// Joins the frame cache and the decoder: the frames of an imported video at the model's size,
// decoded (ffmpeg, streamed) only the first time.
import { decodeFrames, type FrameGeometry } from '../decode/frame-decoder';
import type { FfmpegTools } from '../decode/ffmpeg-tools';
import { openFrameSource } from '../decode/frame-source';
import type { IngestLimits } from '../decode/ingest-limits';
import { mapConcurrent } from '../concurrency/map-concurrent';
import { medianFilter3x3 } from '../signals/median-filter';
import type { CachedFrames, FrameCache } from './frame-cache';

export interface CacheableVideo {
  name: string;
  sourcePath: string;
  checksum: string;
}

export interface CacheVideoOptions {
  limits?: IngestLimits;
  tools?: FfmpegTools;
  signal?: AbortSignal;
}

export async function openCachedVideo(
  cache: FrameCache,
  video: CacheableVideo,
  geometry: FrameGeometry,
  options: CacheVideoOptions = {},
): Promise<CachedFrames> {
  const key = { checksum: video.checksum, ...geometry };
  const source = async function* () {
    yield* decodeFrames(await openFrameSource(video.sourcePath), { ...geometry, ...options });
  };
  return cache.openOrBuild(key, source, video.name);
}

/**
 * The 3×3-median-filtered frames of a cached video (docs/method.md §4, paper protocol), built once from the
 * cached frames, so that training reads them instead of filtering two frames per sample.
 */
export async function openMedianFilteredFrames(cache: FrameCache, video: CacheableVideo, frames: CachedFrames): Promise<CachedFrames> {
  const colour = frames.channels === 3 ? 'rgb' : 'gray';
  const key = { checksum: video.checksum, width: frames.width, height: frames.height, colour, filter: 'median3x3' } as const;
  async function* filtered(): AsyncGenerator<Uint8Array> {
    for (let i = 0; i < frames.frameCount; i++) yield medianFilter3x3(await frames.readFrame(i), frames);
  }
  return cache.openOrBuild(key, filtered, video.name);
}

/** Opens (decoding when needed) several videos, `concurrency` decoders at a time. */
export async function openCachedVideos(
  cache: FrameCache,
  videos: readonly CacheableVideo[],
  geometry: FrameGeometry,
  options: CacheVideoOptions & { concurrency?: number } = {},
): Promise<CachedFrames[]> {
  const opened: CachedFrames[] = [];
  try {
    return await mapConcurrent(videos, options.concurrency ?? 2, async (video) => {
      const frames = await openCachedVideo(cache, video, geometry, options);
      opened.push(frames);
      return frames;
    });
  } catch (error) {
    await Promise.all(opened.map((frames) => frames.close()));
    throw error;
  }
}
