// Video frames as PNG for the viewer (GET /files/videos/<id>/frames/<n>.png). Only the requested frame is
// decoded, and ffmpeg encodes it (libs/data's framePng): a frame request never decodes a whole video into a
// cache file, so a tiny upload that decodes to gigabytes costs one frame. Encoded frames are kept in memory up to
// a byte budget (playback asks for each frame in turn, thumbnails for frame 0 again and again), concurrent
// requests for one frame share one decoder, and at most `maxDecoders` decoders run at once.
import { DataError, framePng, openFrameSource, resolveIngestLimits } from '@vad/data';
import { withSourceFiles, type ArtifactStorage } from '@vad/storage';
import { HttpError } from '../http/http-error';

export interface FrameImageOptions {
  /** Encoded frames kept in memory, in bytes. */
  maxCachedBytes: number;
  /** Decoders running at once; more requests wait. */
  maxDecoders: number;
  /** Requests waiting for a decoder; more are answered 503. */
  maxWaiting: number;
  /** Longest one frame may take to decode. */
  decodeTimeoutMs: number;
}

export const DEFAULT_FRAME_IMAGE_OPTIONS: Readonly<FrameImageOptions> = {
  maxCachedBytes: 64 * 1024 ** 2,
  maxDecoders: 2,
  maxWaiting: 32,
  decodeTimeoutMs: 60_000,
};

export interface FrameImageVideo {
  name: string;
  /** Storage key, or the absolute path of a file read in place. */
  path: string;
  checksum: string;
}

export class FrameImages {
  private readonly options: FrameImageOptions;
  /** Encoded frames by key, in order of last use (a Map keeps insertion order). */
  private readonly cached = new Map<string, Buffer>();
  private cachedBytes = 0;
  private readonly decoding = new Map<string, Promise<Buffer>>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly storage: ArtifactStorage,
    options: Partial<FrameImageOptions> = {},
  ) {
    this.options = { ...DEFAULT_FRAME_IMAGE_OPTIONS, ...options };
  }

  /** The frame as PNG; HttpError 503 when too many requests already wait for a decoder. */
  async png(video: FrameImageVideo, frame: number): Promise<Buffer> {
    const key = `${video.checksum}:${frame}`;
    const hit = this.cached.get(key);
    if (hit !== undefined) {
      this.cached.delete(key);
      this.cached.set(key, hit);
      return hit;
    }
    let decoding = this.decoding.get(key);
    if (decoding === undefined) {
      decoding = this.decode(video, frame).finally(() => this.decoding.delete(key));
      this.decoding.set(key, decoding);
    }
    const png = await decoding;
    this.remember(key, png);
    return png;
  }

  private async decode(video: FrameImageVideo, frame: number): Promise<Buffer> {
    await this.decoderSlot();
    try {
      const limits = resolveIngestLimits({ decodeTimeoutMs: this.options.decodeTimeoutMs });
      return await withSourceFiles(this.storage, [video.path], async ([file]) => framePng(await openFrameSource(file), frame, { limits }));
    } catch (error) {
      if (error instanceof DataError) throw new HttpError(422, 'UNPROCESSABLE_VIDEO', `frame ${frame} of ${video.name} could not be decoded (${error.code})`);
      throw error;
    } finally {
      // the slot goes straight to the next waiting request, if any
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  private async decoderSlot(): Promise<void> {
    if (this.running < this.options.maxDecoders) {
      this.running++;
      return;
    }
    if (this.waiting.length >= this.options.maxWaiting) throw new HttpError(503, 'BUSY', 'the server is decoding many frames; retry in a moment');
    // the slot is handed over by the decoder that finishes (running stays as it is)
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private remember(key: string, png: Buffer): void {
    if (this.cached.has(key) || png.length > this.options.maxCachedBytes) return;
    this.cached.set(key, png);
    this.cachedBytes += png.length;
    for (const [oldKey, old] of this.cached) {
      if (this.cachedBytes <= this.options.maxCachedBytes) break;
      this.cached.delete(oldKey);
      this.cachedBytes -= old.length;
    }
  }
}
