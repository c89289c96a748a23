// Scores every frame of one video in batches, fetching each frame once and reusing it as the t−3 / t+3
// neighbour of others (a missing neighbour at the ends of the video is replaced by frame t).
import type { Detector } from '../detector/detector';
import type { FrameScore } from './frame-score';
import { scoreFrames, type ScoreOptions } from './score-frames';

/** Frames of one video at the model's input size, [H, W, c] each, values in [−1, 1]. */
export interface VideoFrameReader {
  frameCount: number;
  read(index: number): Float32Array | Promise<Float32Array>;
}

export interface ScoreVideoOptions extends ScoreOptions {
  /** Frames per forward pass (default 16). */
  batchSize?: number;
  /** Called after each batch with frames done and total. */
  onProgress?: (done: number, total: number) => void;
  /** Cooperative cancellation, checked between batches; scoring stops with an AbortError. */
  signal?: AbortSignal;
}

/** Temporal offset of the neighbours in the t−3 / t / t+3 stack (docs/method.md §2). */
export const NEIGHBOUR_OFFSET = 3;

export async function scoreVideo(detector: Detector, video: VideoFrameReader, options: ScoreVideoOptions = {}): Promise<FrameScore[]> {
  const batchSize = options.batchSize ?? 16;
  const stacked = detector.config.temporalInput === 'stack-t3';
  const cache = new Map<number, Float32Array>();
  const frame = async (i: number): Promise<Float32Array> => {
    const cached = cache.get(i);
    if (cached !== undefined) return cached;
    const values = await video.read(i);
    cache.set(i, values);
    return values;
  };
  const scores: FrameScore[] = [];
  for (let start = 0; start < video.frameCount; start += batchSize) {
    options.signal?.throwIfAborted();
    const count = Math.min(batchSize, video.frameCount - start);
    const current = await Promise.all(Array.from({ length: count }, (_, k) => frame(start + k)));
    const size = current[0].length;
    const join = (arrays: Float32Array[]) => {
      const out = new Float32Array(count * size);
      arrays.forEach((a, k) => out.set(a, k * size));
      return out;
    };
    let previous: Float32Array | undefined;
    let next: Float32Array | undefined;
    if (stacked) {
      const neighbour = async (t: number, offset: number) => {
        const j = t + offset;
        return j >= 0 && j < video.frameCount ? frame(j) : frame(t);
      };
      previous = join(await Promise.all(current.map((_, k) => neighbour(start + k, -NEIGHBOUR_OFFSET))));
      next = join(await Promise.all(current.map((_, k) => neighbour(start + k, NEIGHBOUR_OFFSET))));
    }
    scores.push(...(await scoreFrames(detector, { frames: join(current), count, previous, next, firstIndex: start }, options)));
    // Frames before start + count − 3 can no longer be anybody's neighbour.
    for (const key of cache.keys()) if (key < start + count - NEIGHBOUR_OFFSET) cache.delete(key);
    options.onProgress?.(start + count, video.frameCount);
  }
  return scores;
}
