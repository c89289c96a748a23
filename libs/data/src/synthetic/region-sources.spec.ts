import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { grayPng, makeVideo } from '../../test/media-fixtures';
import { FrameCache } from '../cache/frame-cache';
import { sha256File } from '../decode/file-checksum';
import type { ImportedVideo } from '../importers/imported-dataset';
import { InMemoryFrameStore } from '../cache/frame-store';
import { createRandom } from '../random/seeded-random';
import { createAnnotatedRegionSource, openAnnotatedVideos, resizeMask } from './annotated-region-source';
import { createFrameRegionSource, findMovingRegions } from './frame-region-source';

const W = 64;
const H = 48;

/** Textured static background with a bright 8×12 "person" walking right 2 px per frame. */
function walkingFrames(count: number): Uint8Array[] {
  return Array.from({ length: count }, (_, t) => {
    const f = new Uint8Array(W * H);
    for (let i = 0; i < f.length; i++) f[i] = 60 + ((i * 37) % 11);
    for (let y = 20; y < 32; y++) for (let x = 10 + 2 * t; x < 18 + 2 * t; x++) f[y * W + x] = 220;
    return f;
  });
}

describe('moving-region objects', () => {
  it('finds the moving body as one region near its true place, and nothing in a still scene', () => {
    const frames = walkingFrames(10);
    const regions = findMovingRegions(frames[3], frames[7], W, H);
    expect(regions).toHaveLength(1);
    const [r] = regions;
    expect(r.y).toBeGreaterThanOrEqual(18);
    expect(r.y + r.height).toBeLessThanOrEqual(34);
    expect(r.x).toBeLessThanOrEqual(16);
    expect(r.x + r.width).toBeGreaterThanOrEqual(24);
    expect(findMovingRegions(frames[3], frames[3], W, H)).toEqual([]);
  });

  it('builds a seeded pool of objects cut from the frames', async () => {
    const store = new InMemoryFrameStore('walk', W, H, 1, walkingFrames(12));
    const source = await createFrameRegionSource([store], createRandom(4), { framesToScan: 5 });
    expect(source.size).toBe(5);
    const object = source.sample(createRandom(1));
    expect(object.origin).toMatch(/^region:walk#\d+$/);
    // The cut contains the bright body.
    expect(Math.max(...object.pixels)).toBe(220);
    const again = await createFrameRegionSource([store], createRandom(4), { framesToScan: 5 });
    expect(again.sample(createRandom(1))).toEqual(object);
  });

  it('by default cuts a pool from every video of a Ped2-sized training set, not a handful of frames', async () => {
    // 14 videos where one body walks, as in Ped2's 14 training videos. The old 48-frame scan gives at most 48
    // objects here, and on Ped2 itself (where most frames yield no region) 13–15 from 8–10 of the videos.
    const stores = Array.from({ length: 14 }, (_, v) => new InMemoryFrameStore(`v${v}`, W, H, 1, walkingFrames(12)));
    const source = await createFrameRegionSource(stores, createRandom(1));
    expect(source.size).toBeGreaterThan(100);
    const draw = createRandom(2);
    const videos = new Set(Array.from({ length: 2000 }, () => source.sample(draw).origin.replace(/^region:(v\d+)#\d+$/, '$1')));
    expect(videos.size).toBe(14);
  });
});

describe('annotated-region objects', () => {
  it('cuts objects where the masks are set, at the store size', async () => {
    const frames = walkingFrames(4);
    const store = new InMemoryFrameStore('ub', W, H, 1, frames);
    const native = new Uint8Array(2 * W * 2 * H);
    for (let y = 40; y < 64; y++) for (let x = 20; x < 36; x++) native[y * 2 * W + x] = 1;
    const mask = resizeMask(native, { width: 2 * W, height: 2 * H }, { width: W, height: H });
    expect(mask.reduce((s, v) => s + v, 0)).toBe(8 * 12);
    const source = await createAnnotatedRegionSource([{ frames: store, annotatedFrames: [0], maskAt: async () => mask }], createRandom(2), { maxObjects: 1 });
    const object = source.sample(createRandom(0));
    expect(object).toMatchObject({ width: 8, height: 12, origin: 'annotated:ub#0' });
    expect(object.pixels.every((v) => v === 220)).toBe(true);
  });
});

describe('openAnnotatedVideos', () => {
  it('opens an imported abnormal video through the cache with its sparse masks and yields its actors', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'vad-actors-'));
    try {
      const file = makeVideo(path.join(root, 'abnormal.mp4'), { frames: 6, width: 64, height: 48 });
      const masks = path.join(root, 'masks');
      mkdirSync(masks);
      // Frames 1 and 2 have a 16×12 actor at (8, 4); the other frames have no mask file.
      for (const f of [1, 2])
        writeFileSync(
          path.join(masks, `abnormal_${String(f).padStart(4, '0')}_gt.png`),
          grayPng(64, 48, (x, y) => (x >= 8 && x < 24 && y >= 4 && y < 16 ? 2 : 0)),
        );
      const video: ImportedVideo = {
        name: 'abnormal',
        split: 'train',
        sourcePath: file,
        sourceKind: 'video-file',
        codec: 'h264',
        fps: 10,
        frameCount: 6,
        width: 64,
        height: 48,
        sizeBytes: 0,
        checksum: await sha256File(file),
        masksPath: masks,
        maskFormat: 'image-folder',
        maskFrameIndices: [1, 2],
      };
      const [annotated] = await openAnnotatedVideos(new FrameCache(path.join(root, 'cache')), [video], { width: 32, height: 24, colour: 'gray' });
      expect(annotated.annotatedFrames).toEqual([1]);
      const source = await createAnnotatedRegionSource([annotated], createRandom(0), { minPixels: 4 });
      expect(source.sample(createRandom(0))).toMatchObject({ width: 8, height: 6, origin: 'annotated:abnormal#1' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
