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
  probeTimeoutMs: 30_000,
  decodeTimeoutMs: 10 * 60_000,
};

export function resolveIngestLimits(overrides: Partial<IngestLimits> = {}): IngestLimits {
  return { ...DEFAULT_INGEST_LIMITS, ...overrides };
}
