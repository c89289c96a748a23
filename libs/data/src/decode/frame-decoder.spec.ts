import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { grayPng, makeVideo } from '../../test/media-fixtures';
import { DataError, DataErrorCode } from '../data.error';
import { decodeAllFrames, decodeFrames } from './frame-decoder';
import { openFrameSource } from './frame-source';
import { resolveIngestLimits } from './ingest-limits';

describe('decodeFrames', () => {
  let dir: string;
  let mp4: string;
  let flat: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vad-decode-'));
    mp4 = makeVideo(path.join(dir, 'clip.mp4'), { frames: 9, width: 64, height: 48 });
    flat = path.join(dir, 'flat');
    mkdirSync(flat);
    // Frame i is a flat gray of 20·i, so order and values can both be checked.
    for (let i = 0; i < 4; i++)
      writeFileSync(
        path.join(flat, `${i + 1}.png`),
        grayPng(8, 6, () => 20 * i),
      );
    // "10.png" sorts after "2.png" only in natural order.
    writeFileSync(
      path.join(flat, '10.png'),
      grayPng(8, 6, () => 200),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('streams every frame of a video at the requested size in gray and RGB', async () => {
    const source = await openFrameSource(mp4);
    const gray = await decodeAllFrames(source, { width: 32, height: 24, colour: 'gray' });
    expect(gray).toHaveLength(9);
    expect(gray.every((f) => f.length === 32 * 24)).toBe(true);
    const rgb = await decodeAllFrames(source, { width: 16, height: 8, colour: 'rgb' });
    expect(rgb).toHaveLength(9);
    expect(rgb[0]).toHaveLength(16 * 8 * 3);
    // testsrc is colourful: an RGB frame is not three equal channels.
    const first = rgb[0];
    let differs = 0;
    for (let i = 0; i < first.length; i += 3) if (first[i] !== first[i + 1] || first[i + 1] !== first[i + 2]) differs++;
    expect(differs).toBeGreaterThan(10);
  });

  it('decodes a frame folder in natural order with its pixel values', async () => {
    const frames = await decodeAllFrames(await openFrameSource(flat), { width: 8, height: 6, colour: 'gray' });
    expect(frames.map((f) => f[0])).toEqual([0, 20, 40, 60, 200]);
    expect(frames[2].every((v) => v === 40)).toBe(true);
  });

  it('resizes with bilinear filtering, keeping flat areas flat', async () => {
    const frames = await decodeAllFrames(await openFrameSource(flat), { width: 4, height: 3, colour: 'rgb' });
    expect([...frames[1]]).toEqual(new Array(4 * 3 * 3).fill(20));
  });

  it('leaves no temporary file behind and stops the decoder when the caller stops early', async () => {
    const before = readdirSync(os.tmpdir()).filter((n) => n.startsWith('vad-concat-')).length;
    let seen = 0;
    for await (const frame of decodeFrames(await openFrameSource(flat), { width: 8, height: 6, colour: 'gray' })) {
      expect(frame).toHaveLength(48);
      seen++;
      if (seen === 2) break;
    }
    expect(seen).toBe(2);
    expect(readdirSync(os.tmpdir()).filter((n) => n.startsWith('vad-concat-')).length).toBe(before);
  });

  it('fails with TRUNCATED_VIDEO or CORRUPT_VIDEO on a cut file, naming it', async () => {
    const cut = path.join(dir, 'cut.mp4');
    writeFileSync(cut, readFileSync(mp4).subarray(0, 900));
    const run = decodeAllFrames({ kind: 'video', path: cut, container: 'iso-bmff' }, { width: 32, height: 24, colour: 'gray' });
    await expect(run).rejects.toThrow(DataError);
    await expect(run).rejects.toThrow(cut);
  });

  it('stops a decoder that runs past its time limit', async () => {
    const run = decodeAllFrames(await openFrameSource(mp4), { width: 32, height: 24, colour: 'gray', limits: resolveIngestLimits({ decodeTimeoutMs: 1 }) });
    await expect(run).rejects.toMatchObject({ code: DataErrorCode.DecodeTimeout });
  });

  it('stops when a video has more frames than allowed', async () => {
    const run = decodeAllFrames(await openFrameSource(mp4), { width: 32, height: 24, colour: 'gray', limits: resolveIngestLimits({ maxFrames: 4 }) });
    await expect(run).rejects.toMatchObject({ code: DataErrorCode.TooManyFrames });
  });

  it('reports a missing ffmpeg clearly', async () => {
    const run = decodeAllFrames(await openFrameSource(mp4), {
      width: 32,
      height: 24,
      colour: 'gray',
      tools: { ffmpegPath: '/nonexistent/ffmpeg', ffprobePath: 'ffprobe' },
    });
    await expect(run).rejects.toMatchObject({ code: DataErrorCode.FfmpegNotFound });
  });
});
