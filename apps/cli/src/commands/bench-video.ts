// The video the benchmarks' end-to-end figures decode: the user's (--video), or a generated test pattern
// of Ped2's size and a test video's length, so that decoding does Ped2's work without a data set.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_FFMPEG_TOOLS } from '@vad/data';

/** A decodable video, and how to clean up after it. */
export interface BenchVideo {
  file: string;
  dispose(): Promise<void>;
}

export interface TestPattern {
  width: number;
  height: number;
  frames: number;
  fps: number;
}

const GENERATED_VIDEO: TestPattern = { width: 360, height: 240, frames: 180, fps: 10 };

/** Writes ffmpeg's moving test pattern as an H.264 mp4. */
export async function writeTestPattern(file: string, { width, height, frames, fps }: TestPattern): Promise<void> {
  await promisify(execFile)(DEFAULT_FFMPEG_TOOLS.ffmpegPath, [
    ...['-hide_banner', '-v', 'error', '-f', 'lavfi', '-i', `testsrc=size=${width}x${height}:rate=${fps}`],
    ...['-frames:v', String(frames), '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-preset', 'ultrafast', file],
  ]);
}

export async function generatedOrGivenVideo(file: string | undefined): Promise<BenchVideo> {
  if (file !== undefined) return { file: path.resolve(file), dispose: async () => undefined };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vad-bench-'));
  const generated = path.join(dir, 'testsrc.mp4');
  await writeTestPattern(generated, GENERATED_VIDEO);
  return { file: generated, dispose: () => rm(dir, { recursive: true, force: true }) };
}
