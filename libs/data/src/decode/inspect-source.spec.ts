import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeFrameFolder, makeVideo } from '../../test/media-fixtures';
import { DataError, DataErrorCode } from '../data.error';
import { openFrameSource } from './frame-source';
import { inspectFrameSource, type InspectOptions } from './inspect-source';
import { resolveIngestLimits } from './ingest-limits';

async function inspectPath(file: string, options?: InspectOptions) {
  return inspectFrameSource(await openFrameSource(file), options);
}

async function failure(run: () => Promise<unknown>): Promise<DataError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected a DataError');
}

describe('inspectFrameSource', () => {
  let dir: string;
  let mp4: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vad-inspect-'));
    mp4 = makeVideo(path.join(dir, 'good.mp4'), { frames: 12, width: 64, height: 48 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a decompression bomb (40 flat frames of 4096×4096 in about 51 KB) before decoding it', async () => {
    const bomb = makeVideo(path.join(dir, 'bomb.mp4'), { frames: 40, width: 4096, height: 4096, pattern: 'flat' });
    const started = Date.now();
    const error = await failure(() => inspectPath(bomb));
    expect(error.code).toBe(DataErrorCode.TooManyPixels);
    expect(error.message).toMatch(/decodes to 40 frames of 4096×4096 \(671 megapixels\) from \d+ bytes, more than the 268 megapixels a file of its size may/);
    // refused from the container's metadata: no decoding of 671 megapixels
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 30_000);

  it('counts the pixels a video really decodes to, and lets a large file decode to proportionally more', async () => {
    const limits = resolveIngestLimits({ freePixels: 64 * 48 * 5, maxPixelsPerFileByte: 1 });
    const error = await failure(() => inspectPath(mp4, { limits }));
    expect(error.code).toBe(DataErrorCode.TooManyPixels);
    const generous = resolveIngestLimits({ freePixels: 64 * 48 * 5, maxPixelsPerFileByte: 100 });
    await expect(inspectPath(mp4, { limits: generous })).resolves.toMatchObject({ frameCount: 12 });
    await expect(inspectPath(mp4, { limits: resolveIngestLimits({ maxTotalPixels: 64 * 48 * 11 }) })).rejects.toMatchObject({
      code: DataErrorCode.TooManyPixels,
    });
  });

  it('reports codec, size, frame rate, exact frame count and checksum of an H.264 mp4', async () => {
    const info = await inspectPath(mp4);
    expect(info).toMatchObject({ codec: 'h264', width: 64, height: 48, fps: 10, frameCount: 12, sizeBytes: readFileSync(mp4).length });
    expect(info.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['avi', ['-c:v', 'mpeg4'], 'mpeg4'],
    ['mkv', ['-c:v', 'libx264', '-preset', 'ultrafast'], 'h264'],
    ['mov', ['-c:v', 'libx264', '-preset', 'ultrafast'], 'h264'],
    ['webm', ['-c:v', 'libvpx', '-b:v', '200k'], 'vp8'],
  ])('reads a .%s file', async (ext, codecArgs, codec) => {
    const file = makeVideo(path.join(dir, `v.${ext}`), { frames: 6, codecArgs });
    expect(await inspectPath(file)).toMatchObject({ codec, frameCount: 6, width: 64, height: 48 });
  });

  it('reads png, jpg, tif and bmp frame folders in natural order', async () => {
    for (const ext of ['png', 'jpg', 'tif', 'bmp']) {
      const folder = makeFrameFolder(path.join(dir, `frames-${ext}`), { frames: 5, ext });
      expect(await inspectPath(folder)).toMatchObject({ frameCount: 5, width: 64, height: 48 });
    }
  });

  it('gives the same folder checksum for the same frames and a different one when a frame changes', async () => {
    const a = makeFrameFolder(path.join(dir, 'sum-a'), { frames: 3 });
    const b = makeFrameFolder(path.join(dir, 'sum-b'), { frames: 3 });
    const first = await inspectPath(a);
    expect((await inspectPath(b)).checksum).toBe(first.checksum);
    copyFileSync(path.join(a, '000.png'), path.join(b, '002.png'));
    expect((await inspectPath(b)).checksum).not.toBe(first.checksum);
  });

  it('refuses random bytes named .mp4 as a corrupt video', async () => {
    const file = path.join(dir, 'random.mp4');
    writeFileSync(file, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
    const error = await failure(() => inspectPath(file));
    expect(error.code).toBe(DataErrorCode.CorruptVideo);
    expect(error.message).toContain(file);
  });

  it('refuses an empty file and an unknown extension', async () => {
    writeFileSync(path.join(dir, 'empty.mp4'), '');
    expect((await failure(() => inspectPath(path.join(dir, 'empty.mp4')))).code).toBe(DataErrorCode.ZeroFrames);
    writeFileSync(path.join(dir, 'clip.gif'), 'GIF89a');
    expect((await failure(() => inspectPath(path.join(dir, 'clip.gif')))).code).toBe(DataErrorCode.UnsupportedFormat);
  });

  it('refuses an AVI file named .mp4', async () => {
    const avi = makeVideo(path.join(dir, 'real.avi'), { frames: 3, codecArgs: ['-c:v', 'mpeg4'] });
    copyFileSync(avi, path.join(dir, 'fake.mp4'));
    const error = await failure(() => inspectPath(path.join(dir, 'fake.mp4')));
    expect(error.code).toBe(DataErrorCode.ContentMismatch);
  });

  it('refuses a truncated video, naming the file', async () => {
    const big = makeVideo(path.join(dir, 'long.mp4'), {
      frames: 60,
      width: 160,
      height: 120,
      codecArgs: ['-c:v', 'libx264', '-preset', 'ultrafast', '-movflags', '+faststart'],
    });
    const bytes = readFileSync(big);
    const cut = path.join(dir, 'cut.mp4');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const error = await failure(() => inspectPath(cut));
    expect(error.code).toBe(DataErrorCode.TruncatedVideo);
    expect(error.message).toContain(cut);
  });

  it('refuses a video whose end (and index) is cut off as corrupt', async () => {
    const bytes = readFileSync(mp4);
    const cut = path.join(dir, 'no-index.mp4');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const error = await failure(() => inspectPath(cut));
    expect([DataErrorCode.CorruptVideo, DataErrorCode.TruncatedVideo]).toContain(error.code);
  });

  it('refuses a video without any frame', async () => {
    const audio = path.join(dir, 'audio-only.mp4');
    makeVideo(audio, { frames: 0 });
    expect((await failure(() => inspectPath(audio))).code).toBe(DataErrorCode.ZeroFrames);
  });

  it('refuses a codec outside the accepted list', async () => {
    const file = makeVideo(path.join(dir, 'png-codec.mov'), { frames: 2, codecArgs: ['-c:v', 'png'] });
    const error = await failure(() => inspectPath(file));
    expect(error.code).toBe(DataErrorCode.UnsupportedCodec);
    expect(error.message).toContain('"png"');
  });

  it.each([
    [{ maxFileBytes: 100 }, DataErrorCode.FileTooLarge],
    [{ maxWidth: 32 }, DataErrorCode.ResolutionTooLarge],
    [{ maxDurationSeconds: 0.5 }, DataErrorCode.DurationTooLong],
    [{ maxFrames: 5 }, DataErrorCode.TooManyFrames],
    [{ decodeTimeoutMs: 1 }, DataErrorCode.DecodeTimeout],
  ])('enforces the limit %j', async (limit, code) => {
    expect((await failure(() => inspectPath(mp4, { limits: resolveIngestLimits(limit) }))).code).toBe(code);
  });

  it('enforces the size and frame limits on frame folders too', async () => {
    const folder = makeFrameFolder(path.join(dir, 'limited'), { frames: 4 });
    expect((await failure(() => inspectPath(folder, { limits: resolveIngestLimits({ maxFrames: 3 }) }))).code).toBe(DataErrorCode.TooManyFrames);
    expect((await failure(() => inspectPath(folder, { limits: resolveIngestLimits({ maxFileBytes: 10 }) }))).code).toBe(DataErrorCode.FileTooLarge);
  });

  it('refuses a frame folder whose frames differ in size, naming the odd frame', async () => {
    const folder = makeFrameFolder(path.join(dir, 'mixed-size'), { frames: 3 });
    makeFrameFolder(path.join(dir, 'other-size'), { frames: 1, width: 32, height: 32 });
    copyFileSync(path.join(dir, 'other-size', '000.png'), path.join(folder, '001.png'));
    const error = await failure(() => inspectPath(folder));
    expect(error.code).toBe(DataErrorCode.InconsistentFrameSize);
    expect(error.message).toContain('001.png');
  });

  it('refuses a frame folder with a truncated image', async () => {
    const folder = makeFrameFolder(path.join(dir, 'broken-jpg'), { frames: 3, ext: 'jpg', width: 160, height: 120 });
    const file = path.join(folder, '001.jpg');
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 3)));
    expect((await failure(() => inspectPath(folder))).code).toBe(DataErrorCode.CorruptVideo);
  });

  it('refuses a text file named .png inside a frame folder and an empty folder', async () => {
    const folder = makeFrameFolder(path.join(dir, 'fake-png'), { frames: 2 });
    writeFileSync(path.join(folder, '001.png'), 'not an image');
    const error = await failure(() => inspectPath(folder));
    expect(error.code).toBe(DataErrorCode.CorruptVideo);
    expect(error.message).toContain('001.png');
    mkdirSync(path.join(dir, 'empty-folder'));
    expect((await failure(() => inspectPath(path.join(dir, 'empty-folder')))).code).toBe(DataErrorCode.ZeroFrames);
  });
});
