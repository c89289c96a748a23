// Limits applied to untrusted uploads before and while they are decoded: a file that exceeds one is
// refused with a clear error instead of exhausting the disk, the memory or the worker's time.

export interface IngestLimits {
  /** Largest video file, or largest frame folder in total, in bytes. */
  maxFileBytes: number;
  /** Longest video, in seconds. */
  maxDurationSeconds: number;
  maxWidth: number;
  maxHeight: number;
  /** Most frames in one video or frame folder. */
  maxFrames: number;
  /** Most pixels (width × height × frames) one video may decode to, however large its file. */
  maxTotalPixels: number;
  /**
   * Pixels a video may decode to per byte of its file, beyond `freePixels`. A decompression bomb decodes to
   * far more than real footage does: 40 frames of 4096×4096 from 51 KB are 13,000 pixels per byte, where
   * camera footage (and the benchmark data sets) stays well under 1,000.
   */
  maxPixelsPerFileByte: number;
  /** Pixels any video may decode to whatever its file's size: small videos compress as well as they like. */
  freePixels: number;
  /** Wall-clock limit for reading a video's metadata with ffprobe. */
  probeTimeoutMs: number;
  /** Wall-clock limit for decoding one whole video; the decoder is killed when it runs over. */
  decodeTimeoutMs: number;
}

export const DEFAULT_INGEST_LIMITS: Readonly<IngestLimits> = {
  maxFileBytes: 4 * 1024 ** 3,
  maxDurationSeconds: 2 * 60 * 60,
  maxWidth: 4096,
  maxHeight: 4096,
  maxFrames: 250_000,
  maxTotalPixels: 2 ** 34,
  maxPixelsPerFileByte: 2_000,
  freePixels: 2 ** 28,
  probeTimeoutMs: 30_000,
  decodeTimeoutMs: 10 * 60_000,
};

export function resolveIngestLimits(overrides: Partial<IngestLimits> = {}): IngestLimits {
  return { ...DEFAULT_INGEST_LIMITS, ...overrides };
}

/** The pixels (width × height × frames) a video whose file (or frame files) has `fileBytes` bytes may decode to. */
export function pixelBudget(fileBytes: number, limits: IngestLimits): number {
  return Math.min(limits.maxTotalPixels, Math.max(limits.freePixels, limits.maxPixelsPerFileByte * fileBytes));
}
