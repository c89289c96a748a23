import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeFrameFolder, PED2_ROOT } from '../../test/media-fixtures';
import { importDataset } from './import-dataset';

describe('ucsd importer', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'vad-ucsd-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the original release: .tif frames, TestNNN_gt .bmp masks and the UCSDped2.m labels', async () => {
    const root = path.join(dir, 'UCSDped2');
    makeFrameFolder(path.join(root, 'Train', 'Train001'), { frames: 5, ext: 'tif' });
    makeFrameFolder(path.join(root, 'Train', 'Train002'), { frames: 4, ext: 'tif' });
    makeFrameFolder(path.join(root, 'Test', 'Test001'), { frames: 6, ext: 'tif' });
    makeFrameFolder(path.join(root, 'Test', 'Test002'), { frames: 3, ext: 'tif' });
    const gt = path.join(root, 'Test', 'Test001_gt');
    mkdirSync(gt);
    for (let i = 0; i < 6; i++) {
      const colour = i >= 2 ? 'white' : 'black';
      execFileSync('ffmpeg', [
        '-v',
        'error',
        '-f',
        'lavfi',
        '-i',
        `color=c=${colour}:s=64x48`,
        '-frames:v',
        '1',
        '-pix_fmt',
        'gray',
        path.join(gt, `${String(i + 1).padStart(3, '0')}.bmp`),
      ]);
    }
    writeFileSync(
      path.join(root, 'Test', 'UCSDped2.m'),
      'TestVideoFile = {};\nTestVideoFile{end+1}.gt_frame = [3:6];\nTestVideoFile{end+1}.gt_frame = [1:2];\n',
    );
    const dataset = await importDataset(root, { format: 'ucsd' });
    expect(dataset.summary).toMatchObject({
      trainVideos: 2,
      testVideos: 2,
      trainFrames: 9,
      testFrames: 9,
      abnormalTestFrames: 6,
      hasPixelMasks: true,
      pixelMaskedTestVideos: 1,
    });
    expect(dataset.videos.find((v) => v.name === 'Test001')).toMatchObject({ codec: 'tiff', fps: 10, frameLabels: [0, 0, 1, 1, 1, 1], masksPath: gt });
    expect(dataset.videos.find((v) => v.name === 'Test002')?.frameLabels).toEqual([1, 1, 0]);
    // ffmpeg decodes every folder to verify it: seconds on two busy cores, not the default 5
  }, 60_000);

  it('imports the shared UCSD Ped2 frames (re-release layout) with the shared labels and masks', async () => {
    const dataset = await importDataset(path.join(PED2_ROOT, 'frames'), {
      format: 'ucsd',
      labelsPath: path.join(PED2_ROOT, 'ground_truth', 'frame_labels.json'),
      masksPath: path.join(PED2_ROOT, 'ground_truth', 'pixel_masks'),
    });
    expect(dataset.summary).toMatchObject({
      trainVideos: 16,
      testVideos: 12,
      trainFrames: 2550,
      testFrames: 2010,
      abnormalTestFrames: 1648,
      hasPixelMasks: true,
      pixelMaskedTestVideos: 12,
    });
    expect(dataset.videos.filter((v) => v.split === 'train').map((v) => v.frameCount)).toEqual([
      120, 150, 150, 180, 180, 150, 150, 120, 180, 180, 180, 180, 180, 150, 150, 150,
    ]);
    expect(dataset.videos[0]).toMatchObject({ width: 360, height: 240, codec: 'mjpeg', sourceKind: 'frame-folder' });
  }, 120_000);
});
