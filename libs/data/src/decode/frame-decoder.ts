// Streams the frames of a video or frame folder out of an ffmpeg child process, resized (bilinear)
// and converted to gray or RGB, one frame at a time: a whole video is never held in memory, and
// a decoder that runs past its time limit is killed.
import { spawn } from 'node:child_process';
import { DataError, DataErrorCode } from '../data.error';
import { concatInputArgs, createConcatList } from './concat-list';
import { DEFAULT_FFMPEG_TOOLS, type FfmpegTools, SAFE_INPUT_ARGS } from './ffmpeg-tools';
import type { FrameSource } from './frame-source';
import { DEFAULT_INGEST_LIMITS, type IngestLimits } from './ingest-limits';
import { DEMUXER_OF } from './media-type';
import { summariseLog } from './run-process';

export type ColourMode = 'gray' | 'rgb';

export const CHANNELS_OF: Readonly<Record<ColourMode, number>> = { gray: 1, rgb: 3 };

export interface FrameGeometry {
  width: number;
  height: number;
  colour: ColourMode;
}

export interface DecodeOptions extends FrameGeometry {
  limits?: IngestLimits;
  tools?: FfmpegTools;
  signal?: AbortSignal;
}

/** Bytes of one decoded frame: height × width × channels, row-major, channels interleaved. */
export function frameBytes(geometry: FrameGeometry): number {
  return geometry.width * geometry.height * CHANNELS_OF[geometry.colour];
}

export function decoderArgs(source: FrameSource, geometry: FrameGeometry, listPath?: string): string[] {
  const input = source.kind === 'video' ? ['-f', DEMUXER_OF[source.container], '-i', source.path] : concatInputArgs(listPath ?? '');
  const pixelFormat = geometry.colour === 'gray' ? 'gray' : 'rgb24';
  return [
    ...SAFE_INPUT_ARGS,
    ...input,
    '-map',
    '0:v:0',
    '-an',
    '-sn',
    '-dn',
    '-vf',
    `scale=${geometry.width}:${geometry.height}:flags=bilinear`,
    // One output frame per decoded frame: no duplication or dropping to match a frame rate.
    '-fps_mode',
    'passthrough',
    '-f',
    'rawvideo',
    '-pix_fmt',
    pixelFormat,
    'pipe:1',
  ];
}

/**
 * Decodes a source into frames of `width`×`height`×channels uint8 values. Each yielded array is a fresh
 * copy the caller may keep. Stopping the iteration early kills the decoder.
 */
export async function* decodeFrames(source: FrameSource, options: DecodeOptions): AsyncGenerator<Uint8Array> {
  const list = source.kind === 'frames' ? await createConcatList(source.files) : undefined;
  try {
    yield* runDecoder(source, options, list?.path);
  } finally {
    await list?.dispose();
  }
}

async function* runDecoder(source: FrameSource, options: DecodeOptions, listPath?: string): AsyncGenerator<Uint8Array> {
  const limits = options.limits ?? DEFAULT_INGEST_LIMITS;
  const tools = options.tools ?? DEFAULT_FFMPEG_TOOLS;
  const size = frameBytes(options);
  if (!(size > 0) || !Number.isInteger(options.width) || !Number.isInteger(options.height)) {
    throw new DataError(DataErrorCode.InvalidOptions, `decode size must be positive integers, got ${options.width}×${options.height}`);
  }
  const subject = source.path;
  const child = spawn(tools.ffmpegPath, decoderArgs(source, options, listPath), { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 16 * 1024) stderr += chunk.toString('utf8');
  });
  let spawnError: NodeJS.ErrnoException | undefined;
  const exited = new Promise<number | null>((resolve) => {
    child.on('error', (error: NodeJS.ErrnoException) => {
      spawnError = error;
      resolve(null);
    });
    child.on('close', (code) => resolve(code));
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, limits.decodeTimeoutMs);
  const onAbort = () => child.kill('SIGKILL');
  options.signal?.addEventListener('abort', onAbort);

  let frame = new Uint8Array(size);
  let filled = 0;
  let count = 0;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      let offset = 0;
      while (offset < chunk.length) {
        const take = Math.min(size - filled, chunk.length - offset);
        frame.set(chunk.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        if (filled === size) {
          count += 1;
          if (count > limits.maxFrames) {
            throw new DataError(DataErrorCode.TooManyFrames, `${subject} has more than the limit of ${limits.maxFrames} frames`, subject);
          }
          yield frame;
          frame = new Uint8Array(size);
          filled = 0;
        }
      }
    }
    const code = await exited;
    if (spawnError !== undefined) {
      throw spawnError.code === 'ENOENT'
        ? new DataError(DataErrorCode.FfmpegNotFound, `${tools.ffmpegPath} was not found; install ffmpeg (apt-get install -y ffmpeg) to decode ${subject}`)
        : new DataError(DataErrorCode.DecoderFailed, `ffmpeg could not start for ${subject}: ${spawnError.message}`, subject);
    }
    if (timedOut)
      throw new DataError(
        DataErrorCode.DecodeTimeout,
        `${subject}: decoding took longer than the limit of ${limits.decodeTimeoutMs} ms and was stopped`,
        subject,
      );
    if (options.signal?.aborted) throw new DataError(DataErrorCode.Cancelled, `decoding ${subject} was cancelled`, subject);
    if (code !== 0) {
      throw new DataError(
        DataErrorCode.CorruptVideo,
        `${subject} could not be decoded (${summariseLog(stderr) || `ffmpeg exited with code ${code}`})`,
        subject,
      );
    }
    if (filled !== 0) throw new DataError(DataErrorCode.TruncatedVideo, `${subject}: the decoder stopped in the middle of frame ${count + 1}`, subject);
    if (count === 0)
      throw new DataError(DataErrorCode.ZeroFrames, `${subject} contains no decodable frame${stderr ? ` (${summariseLog(stderr)})` : ''}`, subject);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  }
}

/** Decodes a whole source into one array; for small inputs (tests, previews) only. */
export async function decodeAllFrames(source: FrameSource, options: DecodeOptions): Promise<Uint8Array[]> {
  const frames: Uint8Array[] = [];
  for await (const frame of decodeFrames(source, options)) frames.push(frame);
  return frames;
}
