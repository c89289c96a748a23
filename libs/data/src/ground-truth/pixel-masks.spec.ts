import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { grayPng, makeMaskFolder } from '../../test/media-fixtures';
import { DataErrorCode } from '../data.error';
import { labelsFromMasks, locateMasks, type MaskSet, openMaskSet, readMaskFrames, validateMaskSet } from './pixel-masks';

const fixture = (name: string) => path.resolve(__dirname, '../../test/fixtures', name);

async function collect(set: MaskSet, video: { name: string; frameCount: number; width: number; height: number }) {
  const frames: Uint8Array[] = [];
  for await (const m of readMaskFrames(set, video)) frames.push(m);
  return frames;
}

describe('pixel masks', () => {
  let dir: string;
  const video = { name: '01', frameCount: 4, width: 16, height: 16 };
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vad-masks-'));
    makeMaskFolder(path.join(dir, 'masks', '01'), { frames: 4, width: 16, height: 16, abnormal: [1, 3] });
    mkdirSync(path.join(dir, 'masks', 'unrelated'));
    copyFileSync(fixture('masks-u8.npy'), path.join(dir, 'masks', '02.npy'));
    copyFileSync(fixture('avenue-label.mat'), path.join(dir, 'masks', '3_label.mat'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds a folder, a .npy and a .mat per video by name and ignores other entries', async () => {
    const found = await locateMasks(path.join(dir, 'masks'), ['01', '02', '03', '04']);
    expect([...found.keys()].sort()).toEqual(['01', '02', '03']);
    expect(found.get('01')?.kind).toBe('image-folder');
    expect(found.get('02')?.kind).toBe('npy');
    expect(found.get('03')?.kind).toBe('mat');
  });

  it('validates and reads PNG masks as 0/1 frames, and derives frame labels from them', async () => {
    const set = (await openMaskSet(path.join(dir, 'masks', '01'))) as MaskSet;
    expect(await validateMaskSet(set, video)).toMatch(/^[0-9a-f]{64}$/);
    const frames = await collect(set, video);
    expect(frames.map((f) => f.reduce((a, b) => a + b, 0))).toEqual([0, 64, 0, 64]);
    expect(await labelsFromMasks(set, video)).toEqual([0, 1, 0, 1]);
  });

  it('refuses a mask folder with one mask too few, and a mask of the wrong size, naming the file', async () => {
    const set = (await openMaskSet(path.join(dir, 'masks', '01'))) as MaskSet;
    await expect(validateMaskSet(set, { ...video, frameCount: 5 })).rejects.toMatchObject({ code: DataErrorCode.MaskCountMismatch });
    const odd = path.join(dir, 'odd');
    makeMaskFolder(odd, { frames: 4, width: 16, height: 16 });
    writeFileSync(
      path.join(odd, '002.png'),
      grayPng(12, 16, () => 0),
    );
    const error = validateMaskSet((await openMaskSet(odd)) as MaskSet, video);
    await expect(error).rejects.toMatchObject({ code: DataErrorCode.MaskSizeMismatch });
    await expect(validateMaskSet((await openMaskSet(odd)) as MaskSet, video)).rejects.toThrow(/002\.png is 12×16 but video "01" is 16×16/);
  });

  it('validates and reads a ShanghaiTech-style .npy volume', async () => {
    const set: MaskSet = { kind: 'npy', path: fixture('masks-u8.npy') };
    const npyVideo = { name: '02', frameCount: 3, width: 5, height: 4 };
    await validateMaskSet(set, npyVideo);
    expect((await collect(set, npyVideo)).map((f) => [...f].flatMap((v, i) => (v ? [i] : [])))).toEqual([[], [7, 8, 12, 13], [0]]);
    await expect(validateMaskSet(set, { ...npyVideo, width: 6 })).rejects.toMatchObject({ code: DataErrorCode.MaskSizeMismatch });
    await expect(validateMaskSet(set, { ...npyVideo, frameCount: 2 })).rejects.toMatchObject({ code: DataErrorCode.MaskCountMismatch });
  });

  it('validates and reads an Avenue-style .mat cell array, transposing MATLAB column order', async () => {
    const set: MaskSet = { kind: 'mat', path: fixture('avenue-label.mat') };
    const matVideo = { name: '03', frameCount: 3, width: 5, height: 4 };
    await validateMaskSet(set, matVideo);
    expect((await collect(set, matVideo)).map((f) => [...f].flatMap((v, i) => (v ? [i] : [])))).toEqual([[], [7, 8, 12, 13], [4]]);
    expect(await labelsFromMasks(set, matVideo)).toEqual([0, 1, 1]);
    await expect(validateMaskSet(set, { ...matVideo, width: 4, height: 5 })).rejects.toMatchObject({ code: DataErrorCode.MaskSizeMismatch });
  });

  it('fills frames without a file with empty masks when the set is sparse (UBnormal)', async () => {
    const set = (await openMaskSet(path.join(dir, 'masks', '01'))) as Extract<MaskSet, { kind: 'image-folder' }>;
    const sparse: MaskSet = { ...set, files: [set.files[1]], frameIndices: [5] };
    const frames = await collect(sparse, { ...video, frameCount: 7 });
    expect(frames.map((f) => f.reduce((a, b) => a + b, 0))).toEqual([0, 0, 0, 0, 0, 64, 0]);
    await expect(validateMaskSet(sparse, { ...video, frameCount: 5 })).rejects.toMatchObject({ code: DataErrorCode.MaskCountMismatch });
  });

  it('refuses a mask folder that does not exist', async () => {
    await expect(locateMasks(path.join(dir, 'nope'), ['01'])).rejects.toMatchObject({ code: DataErrorCode.MasksNotFound });
  });
});
