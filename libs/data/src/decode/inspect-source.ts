// Reads what the platform needs to know about a video or frame folder (codec, size, frame rate, exact
// frame count, checksum) and enforces the ingest limits before anything is decoded for real.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DataError, DataErrorCode } from '../data.error';
import { concatInputArgs, withConcatList } from './concat-list';
import { DEFAULT_FFMPEG_TOOLS, type FfmpegTools, SAFE_INPUT_ARGS } from './ffmpeg-tools';
import { FrameFolderHasher, sha256File } from './file-checksum';
import { checkImageBytes, type FrameSource } from './frame-source';
import { readImageDimensions } from './image-dimensions';
import { DEFAULT_INGEST_LIMITS, pixelBudget, type IngestLimits } from './ingest-limits';
import { DEMUXER_OF } from './media-type';
import { runProcess, summariseLog } from './run-process';

/** Video codecs accepted from uploads: those the supported containers normally carry. */
export const ACCEPTED_VIDEO_CODECS: ReadonlySet<string> = new Set([
  'h264',
  'hevc',
  'mpeg4',
  'msmpeg4v2',
  'msmpeg4v3',
  'mpeg1video',
  'mpeg2video',
  'mjpeg',
  'vp8',
  'vp9',
  'av1',
  'rawvideo',
]);

const IMAGE_CODEC = { png: 'png', jpeg: 'mjpeg', tiff: 'tiff', bmp: 'bmp' } as const;

export interface SourceInspection {
  codec: string;
  /** Frames per second; for frame folders the rate the caller declared. */
  fps: number;
  frameCount: number;
  width: number;
  height: number;
  durationSeconds: number;
  sizeBytes: number;
  /** sha256 hex of the file, or of the frame files in order (names and contents). */
  checksum: string;
}

export interface InspectOptions {
  limits?: IngestLimits;
  tools?: FfmpegTools;
  /**
   * Decode every frame once to count frames exactly and to catch corrupt or truncated data
   * (default true). Without it the frame count is the container's declared one.
   */
  verifyDecode?: boolean;
  /** Frame rate of frame folders, which carry none. */
  folderFps?: number;
}

export async function inspectFrameSource(source: FrameSource, options: InspectOptions = {}): Promise<SourceInspection> {
  return source.kind === 'video' ? inspectVideoFile(source, options) : inspectFrameFolder(source, options);
}

interface ProbeStream {
  codec_name?: string;
  codec_type?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  nb_frames?: string;
  nb_read_frames?: string;
  duration?: string;
}

interface ProbeOutput {
  streams?: ProbeStream[];
  format?: { duration?: string };
}

function parseRate(rate: string | undefined): number {
  if (rate === undefined) return 0;
  const [num, den] = rate.split('/').map(Number);
  const value = den ? num / den : num;
  return Number.isFinite(value) && value > 0 ? value : 0;
}

function parseProbe(stdout: string, file: string): ProbeOutput {
  try {
    return JSON.parse(stdout) as ProbeOutput;
  } catch {
    throw new DataError(DataErrorCode.CorruptVideo, `${file}: ffprobe returned unreadable metadata`, file);
  }
}

function checkResolution(file: string, width: number, height: number, limits: IngestLimits): void {
  if (width > limits.maxWidth || height > limits.maxHeight) {
    throw new DataError(
      DataErrorCode.ResolutionTooLarge,
      `${file} is ${width}×${height}, larger than the limit of ${limits.maxWidth}×${limits.maxHeight}`,
      file,
    );
  }
}

function checkFrameCount(file: string, frames: number, limits: IngestLimits): void {
  if (frames > limits.maxFrames) {
    throw new DataError(DataErrorCode.TooManyFrames, `${file} has ${frames} frames, more than the limit of ${limits.maxFrames}`, file);
  }
}

/** Refuses a video that decodes to more pixels than its size allows (see IngestLimits.maxPixelsPerFileByte). */
function checkPixels(file: string, size: { width: number; height: number; frames: number; fileBytes: number }, limits: IngestLimits): void {
  const pixels = size.width * size.height * size.frames;
  const budget = pixelBudget(size.fileBytes, limits);
  if (pixels > budget) {
    throw new DataError(
      DataErrorCode.TooManyPixels,
      `${file} decodes to ${size.frames} frames of ${size.width}×${size.height} (${(pixels / 1e6).toFixed(0)} megapixels) from ${size.fileBytes} bytes, more than the ${(budget / 1e6).toFixed(0)} megapixels a file of its size may; re-encode it smaller, or split it`,
      file,
    );
  }
}

async function inspectVideoFile(source: Extract<FrameSource, { kind: 'video' }>, options: InspectOptions): Promise<SourceInspection> {
  const limits = options.limits ?? DEFAULT_INGEST_LIMITS;
  const tools = options.tools ?? DEFAULT_FFMPEG_TOOLS;
  const file = source.path;
  const { size } = await stat(file);
  if (size > limits.maxFileBytes) {
    throw new DataError(DataErrorCode.FileTooLarge, `${file} is ${size} bytes, larger than the limit of ${limits.maxFileBytes} bytes`, file);
  }
  const input = ['-f', DEMUXER_OF[source.container], '-i', file];
  const entries = [
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=codec_name,codec_type,width,height,avg_frame_rate,r_frame_rate,nb_frames,duration:format=duration',
    '-of',
    'json',
  ];
  const meta = await runProcess(tools.ffprobePath, [...SAFE_INPUT_ARGS, ...input, ...entries], { timeoutMs: limits.probeTimeoutMs, subject: file });
  if (meta.timedOut) throw new DataError(DataErrorCode.DecodeTimeout, `${file}: reading its metadata took longer than ${limits.probeTimeoutMs} ms`, file);
  if (meta.exitCode !== 0) {
    throw new DataError(
      DataErrorCode.CorruptVideo,
      `${file} cannot be read as a video (${summariseLog(meta.stderr) || 'ffprobe failed'}); the file is corrupt or truncated`,
      file,
    );
  }
  const probe = parseProbe(meta.stdout, file);
  const stream = probe.streams?.find((s) => s.codec_type === 'video');
  if (stream === undefined) throw new DataError(DataErrorCode.ZeroFrames, `${file} has no video stream`, file);
  const codec = stream.codec_name ?? 'unknown';
  if (!ACCEPTED_VIDEO_CODECS.has(codec)) {
    throw new DataError(
      DataErrorCode.UnsupportedCodec,
      `${file} uses the codec "${codec}", which is not accepted; re-encode it as H.264 (e.g. ffmpeg -i in -c:v libx264 out.mp4)`,
      file,
    );
  }
  const width = stream.width ?? 0;
  const height = stream.height ?? 0;
  if (width <= 0 || height <= 0) throw new DataError(DataErrorCode.CorruptVideo, `${file} declares no frame size`, file);
  checkResolution(file, width, height, limits);
  const fps = parseRate(stream.avg_frame_rate) || parseRate(stream.r_frame_rate);
  const durationSeconds = Number(stream.duration ?? probe.format?.duration ?? 0) || 0;
  if (durationSeconds > limits.maxDurationSeconds) {
    throw new DataError(
      DataErrorCode.DurationTooLong,
      `${file} lasts ${durationSeconds.toFixed(1)} s, longer than the limit of ${limits.maxDurationSeconds} s`,
      file,
    );
  }
  const declared = Number(stream.nb_frames ?? 0) || Math.round(durationSeconds * fps);
  checkFrameCount(file, declared, limits);
  // before anything is decoded: what the container declares already gives most bombs away
  checkPixels(file, { width, height, frames: declared, fileBytes: size }, limits);

  let frameCount = declared;
  if (options.verifyDecode ?? true) {
    const counted = await runProcess(
      tools.ffprobePath,
      [...SAFE_INPUT_ARGS, ...input, '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'json'],
      {
        timeoutMs: limits.decodeTimeoutMs,
        subject: file,
      },
    );
    if (counted.timedOut)
      throw new DataError(DataErrorCode.DecodeTimeout, `${file}: decoding took longer than the limit of ${limits.decodeTimeoutMs} ms`, file);
    const read = Number(parseProbe(counted.stdout || '{}', file).streams?.[0]?.nb_read_frames ?? 0);
    const log = summariseLog(counted.stderr);
    if (read === 0) throw new DataError(DataErrorCode.ZeroFrames, `${file} contains no decodable frame${log ? ` (${log})` : ''}`, file);
    if (/partial file|end of file|truncat/i.test(counted.stderr) || (stream.nb_frames !== undefined && read < declared && log === '')) {
      throw new DataError(
        DataErrorCode.TruncatedVideo,
        `${file} is truncated: ${read} of ${declared} declared frames could be decoded${log ? ` (${log})` : ''}`,
        file,
      );
    }
    if (counted.exitCode !== 0 || log !== '') {
      throw new DataError(
        DataErrorCode.CorruptVideo,
        `${file} is corrupt: ffmpeg reported "${log}" after decoding ${read} of ${declared} declared frames`,
        file,
      );
    }
    checkFrameCount(file, read, limits);
    checkPixels(file, { width, height, frames: read, fileBytes: size }, limits);
    frameCount = read;
  }
  if (frameCount === 0) throw new DataError(DataErrorCode.ZeroFrames, `${file} contains no frames`, file);
  return {
    codec,
    fps,
    frameCount,
    width,
    height,
    durationSeconds: durationSeconds || frameCount / (fps || 1),
    sizeBytes: size,
    checksum: await sha256File(file),
  };
}

async function inspectFrameFolder(source: Extract<FrameSource, { kind: 'frames' }>, options: InspectOptions): Promise<SourceInspection> {
  const limits = options.limits ?? DEFAULT_INGEST_LIMITS;
  const tools = options.tools ?? DEFAULT_FFMPEG_TOOLS;
  const dir = source.path;
  checkFrameCount(dir, source.files.length, limits);
  const hasher = new FrameFolderHasher();
  let sizeBytes = 0;
  let width = 0;
  let height = 0;
  for (const file of source.files) {
    const bytes = await readFile(file);
    sizeBytes += bytes.length;
    if (sizeBytes > limits.maxFileBytes) {
      throw new DataError(DataErrorCode.FileTooLarge, `${dir} holds more than the limit of ${limits.maxFileBytes} bytes of frames`, dir);
    }
    checkImageBytes(file, bytes, source.image);
    const size = readImageDimensions(source.image, bytes);
    if (size === undefined) throw new DataError(DataErrorCode.CorruptVideo, `${file} has an unreadable image header (corrupt or truncated)`, file);
    if (width === 0) {
      ({ width, height } = size);
      checkResolution(file, width, height, limits);
    } else if (size.width !== width || size.height !== height) {
      throw new DataError(
        DataErrorCode.InconsistentFrameSize,
        `${file} is ${size.width}×${size.height} but the first frame of ${dir} is ${width}×${height}; all frames of a video must have one size`,
        file,
      );
    }
    hasher.add(path.basename(file), bytes);
  }
  checkPixels(dir, { width, height, frames: source.files.length, fileBytes: sizeBytes }, limits);
  if (options.verifyDecode ?? true) await verifyFolderDecodes(source, tools, limits);
  const fps = options.folderFps ?? 25;
  return {
    codec: IMAGE_CODEC[source.image],
    fps,
    frameCount: source.files.length,
    width,
    height,
    durationSeconds: source.files.length / fps,
    sizeBytes,
    checksum: hasher.digest(),
  };
}

async function verifyFolderDecodes(source: Extract<FrameSource, { kind: 'frames' }>, tools: FfmpegTools, limits: IngestLimits): Promise<void> {
  const dir = source.path;
  const result = await withConcatList(source.files, (list) =>
    runProcess(
      tools.ffprobePath,
      [...SAFE_INPUT_ARGS, ...concatInputArgs(list), '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'json'],
      {
        timeoutMs: limits.decodeTimeoutMs,
        subject: dir,
      },
    ),
  );
  if (result.timedOut)
    throw new DataError(DataErrorCode.DecodeTimeout, `${dir}: decoding its frames took longer than the limit of ${limits.decodeTimeoutMs} ms`, dir);
  const read = Number(parseProbe(result.stdout || '{}', dir).streams?.[0]?.nb_read_frames ?? 0);
  const log = summariseLog(result.stderr);
  if (result.exitCode !== 0 || log !== '' || read !== source.files.length) {
    throw new DataError(
      DataErrorCode.CorruptVideo,
      `${dir}: ${read} of ${source.files.length} frames could be decoded${log ? ` (ffmpeg: ${log})` : ''}; a frame file is corrupt or truncated`,
      dir,
    );
  }
}
