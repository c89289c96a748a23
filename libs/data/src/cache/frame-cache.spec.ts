import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeVideo } from '../../test/media-fixtures';
import { sha256File } from '../decode/file-checksum';
import { medianFilter3x3 } from '../signals/median-filter';
import { DataErrorCode } from '../data.error';
import { openCachedVideo, openCachedVideos, openMedianFilteredFrames } from './cache-video';
import { FrameCache } from './frame-cache';

async function* frames(count: number, size: number, fail?: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < count; i++) {
    if (i === fail) throw new Error('decoder died');
    yield new Uint8Array(size).fill(i + 1);
  }
}

describe('FrameCache', () => {
  let dir: string;
  const key = { checksum: 'ab'.repeat(32), width: 4, height: 3, colour: 'gray' as const };
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'vad-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stores frames and reads any of them back by index', async () => {
    const cache = new FrameCache(dir);
    const built = await cache.build(key, frames(5, 12));
    expect(built.frameCount).toBe(5);
    expect([...(await built.readFrame(3))]).toEqual(new Array(12).fill(4));
    await built.close();
    const reopened = await cache.open(key);
    expect(reopened?.frameCount).toBe(5);
    expect((await reopened?.readFrame(0))?.[0]).toBe(1);
    await expect(reopened?.readFrame(5)).rejects.toThrow(RangeError);
    await reopened?.close();
  });

  it('misses when the preprocessing parameters or the video checksum change', async () => {
    const cache = new FrameCache(dir);
    await (await cache.build(key, frames(2, 12))).close();
    expect(await cache.open({ ...key, width: 6, height: 2 })).toBeUndefined();
    expect(await cache.open({ ...key, colour: 'rgb' })).toBeUndefined();
    expect(await cache.open({ ...key, checksum: 'cd'.repeat(32) })).toBeUndefined();
  });

  it('leaves no entry and no temporary file when decoding fails midway', async () => {
    const cache = new FrameCache(dir);
    await expect(cache.build(key, frames(5, 12, 3))).rejects.toThrow('decoder died');
    expect(await cache.open(key)).toBeUndefined();
    expect(readdirSync(path.join(dir, key.checksum))).toEqual([]);
  });

  it('treats a damaged entry as missing and removes it', async () => {
    const cache = new FrameCache(dir);
    await (await cache.build(key, frames(3, 12))).close();
    truncateSync(cache.entryPath(key), 512 + 20);
    expect(await cache.open(key)).toBeUndefined();
    expect(readdirSync(path.join(dir, key.checksum))).toEqual([]);
  });

  it('decodes a video once and serves later opens from the cache', async () => {
    const video = makeVideo(path.join(dir, 'v.mp4'), { frames: 7 });
    const cache = new FrameCache(path.join(dir, 'cache'));
    const entry = { name: 'v', sourcePath: video, checksum: await sha256File(video) };
    const first = await openCachedVideo(cache, entry, { width: 32, height: 24, colour: 'gray' });
    expect(first.frameCount).toBe(7);
    const frame = await first.readFrame(6);
    await first.close();
    // With the source gone, only the cache can answer.
    rmSync(video);
    const second = await openCachedVideo(cache, entry, { width: 32, height: 24, colour: 'gray' });
    expect(await second.readFrame(6)).toEqual(frame);
    await second.close();
    await expect(openCachedVideo(cache, entry, { width: 16, height: 12, colour: 'gray' })).rejects.toThrow(/does not exist/);
    expect(await cache.sizeBytes()).toBe(512 + 7 * 32 * 24);
  });

  it('builds a missing entry once for many concurrent requests, which all read it', async () => {
    const cache = new FrameCache(dir);
    let builds = 0;
    const source = () => {
      builds++;
      return frames(4, 12);
    };
    const opened = await Promise.all(Array.from({ length: 4 }, () => cache.openOrBuild(key, source)));
    expect(builds).toBe(1);
    expect(opened.map((f) => f.frameCount)).toEqual([4, 4, 4, 4]);
    await Promise.all(opened.map((f) => f.close()));
    expect(await (await cache.openOrBuild(key, source)).frameCount).toBe(4);
    expect(builds).toBe(1);
  });

  it('runs one decoder for parallel requests of a video’s frames', async () => {
    const video = makeVideo(path.join(dir, 'v.mp4'), { frames: 5 });
    // an ffmpeg that counts its runs
    const runs = path.join(dir, 'runs');
    const ffmpeg = path.join(dir, 'ffmpeg');
    writeFileSync(ffmpeg, `#!/bin/sh\necho run >> "${runs}"\nexec ffmpeg "$@"\n`, { mode: 0o755 });
    const cache = new FrameCache(path.join(dir, 'cache'));
    const entry = { name: 'v', sourcePath: video, checksum: await sha256File(video) };
    const tools = { ffmpegPath: ffmpeg, ffprobePath: 'ffprobe' };
    const opened = await Promise.all(Array.from({ length: 4 }, () => openCachedVideos(cache, [entry], { width: 16, height: 12, colour: 'gray' }, { tools })));
    await Promise.all(opened.flat().map((f) => f.close()));
    expect(readFileSync(runs, 'utf8').trim().split('\n')).toEqual(['run']);
  });

  it('keeps to its disk budget, removing the least recently used entries that are not open', async () => {
    const entryBytes = 512 + 3 * 12;
    const cache = new FrameCache(dir, { maxBytes: 2 * entryBytes });
    const keys = ['a', 'b', 'c'].map((c) => ({ ...key, checksum: c.repeat(64) }));
    await (await cache.build(keys[0], frames(3, 12))).close();
    const stillOpen = await cache.build(keys[1], frames(3, 12));
    // a is the older entry, but it was used just now
    utimesSync(cache.entryPath(keys[1]), new Date(0), new Date(0));
    await (await cache.open(keys[0]))?.close();
    await (await cache.build(keys[2], frames(3, 12))).close();
    // b was least recently used, but it is open: a goes
    expect([0, 1, 2].map((i) => existsSync(cache.entryPath(keys[i])))).toEqual([false, true, true]);
    await stillOpen.close();
    expect(await cache.sizeBytes()).toBeLessThanOrEqual(2 * entryBytes);
  });

  it('clears every entry that is not open, and says how many bytes it freed', async () => {
    const entryBytes = 512 + 3 * 12;
    const cache = new FrameCache(dir);
    const keys = ['a', 'b'].map((c) => ({ ...key, checksum: c.repeat(64) }));
    await (await cache.build(keys[0], frames(3, 12))).close();
    const open = await cache.build(keys[1], frames(3, 12));
    expect(await cache.sizeBytes()).toBe(2 * entryBytes);
    expect(await cache.clear()).toBe(entryBytes);
    expect([0, 1].map((i) => existsSync(cache.entryPath(keys[i])))).toEqual([false, true]);
    expect([...(await open.readFrame(2))]).toEqual(new Array(12).fill(3));
    await open.close();
    expect(await cache.clear()).toBe(entryBytes);
    expect(await cache.sizeBytes()).toBe(0);
  });

  it('refuses to build an entry larger than its whole budget, and leaves nothing of it', async () => {
    const cache = new FrameCache(dir, { maxBytes: 512 + 2 * 12 });
    await expect(cache.build(key, frames(3, 12))).rejects.toMatchObject({ code: DataErrorCode.CacheBudgetExceeded });
    expect(readdirSync(path.join(dir, key.checksum))).toEqual([]);
  });

  it('stores the median-filtered frames of a cached video as a separate entry', async () => {
    const cache = new FrameCache(dir);
    const frames = await cache.build(
      key,
      (async function* () {
        for (let i = 0; i < 3; i++) yield Uint8Array.from({ length: 12 }, (_, p) => (p === 5 ? 255 : 10 * i));
      })(),
    );
    const video = { name: 'v', sourcePath: '/nonexistent', checksum: key.checksum };
    const filtered = await openMedianFilteredFrames(cache, video, frames);
    expect(filtered.path).not.toBe(frames.path);
    expect(await filtered.readFrame(2)).toEqual(medianFilter3x3(await frames.readFrame(2), frames));
    expect((await filtered.readFrame(2))[5]).toBe(20);
    await Promise.all([frames.close(), filtered.close()]);
    expect(readdirSync(path.join(dir, key.checksum))).toHaveLength(2);
  });
});
