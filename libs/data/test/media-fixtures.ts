// Small media files generated for tests with ffmpeg's lavfi sources, so no binary fixture is committed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

export const PED2_ROOT = path.resolve(__dirname, '../../../../shared/datasets/ucsd-ped2');

function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-hide_banner', '-v', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

export interface VideoFixture {
  frames: number;
  width?: number;
  height?: number;
  fps?: number;
  /** Encoder arguments; default H.264 in yuv420p. */
  codecArgs?: string[];
  /** The test pattern (default), or one flat colour: what a decompression bomb is made of. */
  pattern?: 'testsrc' | 'flat';
}

/** Writes a test-pattern video (the container follows the file extension) and returns its path. */
export function makeVideo(file: string, fixture: VideoFixture): string {
  mkdirSync(path.dirname(file), { recursive: true });
  const { frames, width = 64, height = 48, fps = 10 } = fixture;
  const codec = fixture.codecArgs ?? ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-preset', 'ultrafast'];
  const source = fixture.pattern === 'flat' ? `color=c=gray:size=${width}x${height}:rate=${fps}` : `testsrc=size=${width}x${height}:rate=${fps}`;
  ffmpeg(['-f', 'lavfi', '-i', source, '-frames:v', String(frames), ...codec, file]);
  return file;
}

/** Writes `frames` numbered images (000.ext, 001.ext, …) of the test pattern into a folder. */
export function makeFrameFolder(dir: string, fixture: { frames: number; width?: number; height?: number; ext?: string }): string {
  mkdirSync(dir, { recursive: true });
  const { frames, width = 64, height = 48, ext = 'png' } = fixture;
  ffmpeg(['-f', 'lavfi', '-i', `testsrc=size=${width}x${height}:rate=10`, '-frames:v', String(frames), '-start_number', '0', path.join(dir, `%03d.${ext}`)]);
  return dir;
}

/** Encodes a gray image as PNG. */
export function grayPng(width: number, height: number, value: (x: number, y: number) => number): Buffer {
  const png = new PNG({ width, height, colorType: 0, inputColorType: 0, inputHasAlpha: false });
  const data = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = value(x, y);
  png.data = data;
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false });
}

/** Writes `frames` masks 000.png … of the given size; frames listed in `abnormal` get a white square. */
export function makeMaskFolder(dir: string, fixture: { frames: number; width: number; height: number; abnormal?: number[] }): string {
  mkdirSync(dir, { recursive: true });
  const abnormal = new Set(fixture.abnormal ?? []);
  for (let i = 0; i < fixture.frames; i++) {
    const on = abnormal.has(i);
    writeFileSync(
      path.join(dir, `${String(i).padStart(3, '0')}.png`),
      grayPng(fixture.width, fixture.height, (x, y) => (on && x >= 4 && x < 12 && y >= 4 && y < 12 ? 255 : 0)),
    );
  }
  return dir;
}
