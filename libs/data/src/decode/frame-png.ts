// One frame of a video or frame folder as a PNG, encoded by ffmpeg: the frames before it are decoded and
// dropped, nothing is kept or scaled, and the image is compressed in the child process. A request for one
// frame of a video that decodes to gigabytes costs one frame, and never blocks the server's event loop
// with the encoding of a large image.
import { spawn } from 'node:child_process';
import { DataError, DataErrorCode } from '../data.error';
import { concatInputArgs, withConcatList } from './concat-list';
import { DEFAULT_FFMPEG_TOOLS, type FfmpegTools, SAFE_INPUT_ARGS } from './ffmpeg-tools';
import type { FrameSource } from './frame-source';
import { DEFAULT_INGEST_LIMITS, type IngestLimits } from './ingest-limits';
import { DEMUXER_OF } from './media-type';
import { summariseLog } from './run-process';

export interface FramePngOptions {
  limits?: IngestLimits;
  tools?: FfmpegTools;
  /** Largest PNG accepted; the encoder is stopped past it. */
  maxBytes?: number;
}

/** ffmpeg's arguments for frame `index` (counted from 0 in decoding order, as decodeFrames yields them) as an RGB PNG. */
export function framePngArgs(source: FrameSource, index: number, listPath?: string): string[] {
  const input = source.kind === 'video' ? ['-f', DEMUXER_OF[source.container], '-i', source.path] : concatInputArgs(listPath ?? '');
  return [
    ...SAFE_INPUT_ARGS,
    ...input,
    '-map',
    '0:v:0',
    '-an',
    '-sn',
    '-dn',
    '-vf',
    `select=eq(n\\,${index})`,
    '-frames:v',
    '1',
    '-fps_mode',
    'passthrough',
    '-c:v',
    'png',
    '-pix_fmt',
    'rgb24',
    '-f',
    'image2pipe',
    'pipe:1',
  ];
}

export async function framePng(source: FrameSource, index: number, options: FramePngOptions = {}): Promise<Buffer> {
  if (!Number.isInteger(index) || index < 0) throw new DataError(DataErrorCode.InvalidOptions, `frame index must be a non-negative integer, got ${index}`);
  const run = (listPath?: string) => encode(framePngArgs(source, index, listPath), source.path, index, options);
  return source.kind === 'frames' ? withConcatList(source.files, run) : run();
}

function encode(args: string[], subject: string, index: number, options: FramePngOptions): Promise<Buffer> {
  const limits = options.limits ?? DEFAULT_INGEST_LIMITS;
  const tools = options.tools ?? DEFAULT_FFMPEG_TOOLS;
  const maxBytes = options.maxBytes ?? 256 * 1024 ** 2;
  return new Promise((resolve, reject) => {
    const child = spawn(tools.ffmpegPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let bytes = 0;
    let stderr = '';
    let failure: DataError | undefined;
    const stop = (error: DataError) => {
      failure ??= error;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () => stop(new DataError(DataErrorCode.DecodeTimeout, `${subject}: decoding frame ${index} took longer than ${limits.decodeTimeoutMs} ms`, subject)),
      limits.decodeTimeoutMs,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) stop(new DataError(DataErrorCode.FileTooLarge, `${subject}: frame ${index} encodes to more than ${maxBytes} bytes`, subject));
      else chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 16 * 1024) stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      stop(
        error.code === 'ENOENT'
          ? new DataError(DataErrorCode.FfmpegNotFound, `${tools.ffmpegPath} was not found; install ffmpeg (apt-get install -y ffmpeg) to decode ${subject}`)
          : new DataError(DataErrorCode.DecoderFailed, `ffmpeg could not start for ${subject}: ${error.message}`, subject),
      ),
    );
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failure) return reject(failure);
      if (code !== 0)
        return reject(
          new DataError(
            DataErrorCode.CorruptVideo,
            `${subject}: frame ${index} could not be decoded (${summariseLog(stderr) || `ffmpeg exited with code ${code}`})`,
            subject,
          ),
        );
      if (bytes === 0) return reject(new DataError(DataErrorCode.ZeroFrames, `${subject} has no frame ${index}`, subject));
      resolve(Buffer.concat(chunks));
    });
  });
}
