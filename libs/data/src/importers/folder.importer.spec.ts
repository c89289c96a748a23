import path from 'node:path';
import { PED2_ROOT } from '../../test/media-fixtures';
import { importDataset } from './import-dataset';

describe('folder importer', () => {
  it('imports the shared UCSD Ped2 videos (H.264 mp4) with the shared labels and masks', async () => {
    const dataset = await importDataset(path.join(PED2_ROOT, 'videos'), {
      format: 'folder',
      labelsPath: path.join(PED2_ROOT, 'ground_truth', 'frame_labels.json'),
      masksPath: path.join(PED2_ROOT, 'ground_truth', 'pixel_masks'),
    });
    expect(dataset.summary).toMatchObject({
      format: 'folder',
      trainVideos: 16,
      testVideos: 12,
      trainFrames: 2550,
      testFrames: 2010,
      abnormalTestFrames: 1648,
      hasPixelMasks: true,
    });
    expect(dataset.videos.find((v) => v.split === 'test' && v.name === '01')).toMatchObject({
      codec: 'h264',
      fps: 10,
      frameCount: 180,
      width: 360,
      height: 240,
    });
  }, 120_000);
});
