import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { grayPng, makeVideo } from '../../test/media-fixtures';
import { DataErrorCode } from '../data.error';
import { importDataset } from './import-dataset';
import { parseUbnormalTracks } from './ubnormal.importer';

describe('ubnormal importer', () => {
  let root: string;
  const annotate = (video: string, tracks: string, maskFrames: number[]) => {
    const dir = path.join(root, 'Scene1', `${video}_annotations`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${video}_tracks.txt`), tracks);
    for (const f of maskFrames)
      writeFileSync(
        path.join(dir, `${video}_${String(f).padStart(4, '0')}_gt.png`),
        grayPng(64, 48, (x) => (x < 8 ? 1 : 0)),
      );
  };
  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'vad-ubnormal-'));
    makeVideo(path.join(root, 'Scene1', 'normal_scene_1_scenario_1.mp4'), { frames: 6 });
    makeVideo(path.join(root, 'Scene1', 'normal_scene_1_scenario_2.mp4'), { frames: 4 });
    makeVideo(path.join(root, 'Scene1', 'abnormal_scene_1_scenario_3.mp4'), { frames: 8 });
    makeVideo(path.join(root, 'Scene1', 'abnormal_scene_1_scenario_4.mp4'), { frames: 5 });
    annotate('abnormal_scene_1_scenario_3', '1,2,4\n2,6,6\n', [2, 3, 4, 6]);
    annotate('abnormal_scene_1_scenario_4', '1,0,1\n', [0, 1]);
    mkdirSync(path.join(root, 'scripts'));
    const list = (name: string, videos: string[]) => writeFileSync(path.join(root, 'scripts', `${name}_video_names.txt`), videos.join('\n') + '\n');
    list('normal_training', ['normal_scene_1_scenario_1']);
    list('normal_test', ['normal_scene_1_scenario_2']);
    list('abnormal_test', ['abnormal_scene_1_scenario_3']);
    list('abnormal_training', ['abnormal_scene_1_scenario_4']);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('splits by the official lists, labels from tracks, sparse masks, and abnormal training videos as anomaly sources', async () => {
    const dataset = await importDataset(root, { format: 'ubnormal' });
    expect(dataset.summary).toMatchObject({
      trainVideos: 1,
      testVideos: 2,
      trainFrames: 6,
      testFrames: 12,
      abnormalTestFrames: 4,
      pixelMaskedTestVideos: 1,
      anomalySourceVideos: 1,
    });
    const abnormal = dataset.videos.find((v) => v.name === 'abnormal_scene_1_scenario_3');
    expect(abnormal?.frameLabels).toEqual([0, 0, 1, 1, 1, 0, 1, 0]);
    expect(abnormal?.maskFrameIndices).toEqual([2, 3, 4, 6]);
    expect(dataset.anomalySources[0]).toMatchObject({ name: 'abnormal_scene_1_scenario_4', maskFormat: 'image-folder', frameCount: 5 });
  });

  it('explains which split lists are missing', async () => {
    const bare = mkdtempSync(path.join(os.tmpdir(), 'vad-ubnormal-bare-'));
    try {
      mkdirSync(path.join(bare, 'Scene1'));
      await expect(importDataset(bare, { format: 'ubnormal' })).rejects.toMatchObject({
        code: DataErrorCode.LayoutNotRecognised,
        message: expect.stringContaining('normal_training_video_names.txt'),
      });
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it('refuses unreadable track lines', () => {
    expect(parseUbnormalTracks('3,10,12\n', 't.txt')).toEqual([[10, 12]]);
    expect(() => parseUbnormalTracks('3,12,10\n', 't.txt')).toThrow(/t\.txt.*"3,12,10"/);
  });
});
