import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { makeVideo } from '../../test/media-fixtures';
import { importDataset } from '../importers/import-dataset';
import { previewDataset } from './dataset-preview';

describe('previewDataset', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'vad-preview-'));
    makeVideo(path.join(root, 'train', 'a.mp4'), { frames: 12, width: 96, height: 64 });
    makeVideo(path.join(root, 'test', 'b.mp4'), { frames: 4, width: 96, height: 64 });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('renders one row of four tiles per example with a red anomaly overlay, the same for the same seed', async () => {
    const dataset = await importDataset(root, { format: 'folder', verifyDecode: false });
    const preview = await previewDataset(dataset, { seed: 3, count: 2 });
    // 96×64 tiles, four per row, two rows, 4-pixel gaps.
    expect(preview).toMatchObject({ width: 4 * 96 + 5 * 4, height: 2 * 64 + 3 * 4, examples: 2, videos: ['a'] });
    const png = PNG.sync.read(preview.png);
    let red = 0;
    for (let y = 4; y < 68; y++) {
      for (let x = 104; x < 200; x++) {
        const i = (y * png.width + x) * 4;
        if (png.data[i] === 255 && png.data[i + 1] < 100) red++;
      }
    }
    expect(red).toBeGreaterThan(20);
    expect((await previewDataset(dataset, { seed: 3, count: 2 })).png.equals(preview.png)).toBe(true);
    await expect(previewDataset(dataset, { seed: 3, count: 0 })).rejects.toThrow(/between 1 and 64/);
  });
});
