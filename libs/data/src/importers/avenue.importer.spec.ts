import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeVideo } from '../../test/media-fixtures';
import { DataErrorCode } from '../data.error';
import { importDataset } from './import-dataset';

const fixture = (name: string) => path.resolve(__dirname, '../../test/fixtures', name);
const avi = ['-c:v', 'mpeg4', '-q:v', '5'];

describe('avenue importer', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'vad-avenue-'));
    makeVideo(path.join(root, 'training_videos', '01.avi'), { frames: 5, codecArgs: avi });
    makeVideo(path.join(root, 'testing_videos', '01.avi'), { frames: 3, codecArgs: avi });
    mkdirSync(path.join(root, 'ground_truth_demo', 'testing_label_mask'), { recursive: true });
    copyFileSync(fixture('avenue-label-64x48.mat'), path.join(root, 'ground_truth_demo', 'testing_label_mask', '1_label.mat'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads .avi videos and takes masks and frame labels from testing_label_mask/N_label.mat', async () => {
    const dataset = await importDataset(root, { format: 'avenue' });
    expect(dataset.summary).toMatchObject({ trainVideos: 1, testVideos: 1, trainFrames: 5, testFrames: 3, abnormalTestFrames: 1, hasPixelMasks: true });
    expect(dataset.videos[1]).toMatchObject({ name: '01', codec: 'mpeg4', maskFormat: 'mat', frameLabels: [0, 1, 0] });
  });

  it('refuses .mat masks whose frame count differs from the video', async () => {
    makeVideo(path.join(root, 'testing_videos', '01.avi'), { frames: 4, codecArgs: avi });
    await expect(importDataset(root, { format: 'avenue', verifyDecode: false })).rejects.toMatchObject({ code: DataErrorCode.MaskCountMismatch });
  });
});
