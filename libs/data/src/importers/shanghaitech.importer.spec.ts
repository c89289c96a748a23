import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { grayPng, makeVideo } from '../../test/media-fixtures';
import { DataErrorCode } from '../data.error';
import { importDataset } from './import-dataset';

const fixture = (name: string) => path.resolve(__dirname, '../../test/fixtures', name);

describe('shanghaitech importer', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'vad-sht-'));
    makeVideo(path.join(root, 'training', 'videos', '01_001.avi'), { frames: 4, codecArgs: ['-c:v', 'mpeg4'] });
    // Test frames are 5×4 to match the 3×4×5 pixel-mask fixture.
    const frames = path.join(root, 'testing', 'frames', '01_0014');
    mkdirSync(frames, { recursive: true });
    for (let i = 0; i < 3; i++)
      writeFileSync(
        path.join(frames, `${i}.png`),
        grayPng(5, 4, () => 50 * i),
      );
    mkdirSync(path.join(root, 'testing', 'test_frame_mask'));
    mkdirSync(path.join(root, 'testing', 'test_pixel_mask'));
    copyFileSync(fixture('labels-bool-2d.npy'), path.join(root, 'testing', 'test_frame_mask', '01_0014.npy'));
    copyFileSync(fixture('masks-u8.npy'), path.join(root, 'testing', 'test_pixel_mask', '01_0014.npy'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads training videos, test frame folders, test_frame_mask labels and test_pixel_mask volumes', async () => {
    const dataset = await importDataset(root, { format: 'shanghaitech' });
    expect(dataset.summary).toMatchObject({ trainVideos: 1, testVideos: 1, trainFrames: 4, testFrames: 3, abnormalTestFrames: 2, hasPixelMasks: true });
    expect(dataset.videos[1]).toMatchObject({ name: '01_0014', fps: 24, maskFormat: 'npy', frameLabels: [0, 1, 1] });
  });

  it('refuses a frame label array of the wrong length', async () => {
    copyFileSync(fixture('labels-int64.npy'), path.join(root, 'testing', 'test_frame_mask', '01_0014.npy'));
    await expect(importDataset(root, { format: 'shanghaitech', verifyDecode: false })).rejects.toMatchObject({ code: DataErrorCode.LabelLengthMismatch });
  });
});
