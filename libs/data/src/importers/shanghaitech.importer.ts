// ShanghaiTech Campus: training videos (`training/videos/*.avi`) or frames (`training/frames/NAME/`),
// test frames (`testing/frames/NAME/`), frame labels in `testing/test_frame_mask/NAME.npy` and pixel
// masks in `testing/test_pixel_mask/NAME.npy` (frames × height × width).
import path from 'node:path';
import { readLabelSource } from '../ground-truth/frame-labels';
import { openMaskSet } from '../ground-truth/pixel-masks';
import type { DatasetLayout, LayoutVideo } from './dataset-layout';
import { findChild, isFile, layoutError, listVideoEntries } from './layout-scan';

const SHANGHAITECH_FPS = 24;

export async function discoverShanghaiTechLayout(root: string): Promise<DatasetLayout> {
  const training = await findChild(root, ['training']);
  const testing = await findChild(root, ['testing']);
  if (training === undefined || testing === undefined) throw layoutError(root, 'ShanghaiTech', 'training/ and testing/ folders');
  const train = (await findChild(training, ['videos'])) ?? (await findChild(training, ['frames'])) ?? training;
  const test = (await findChild(testing, ['frames'])) ?? (await findChild(testing, ['videos'])) ?? testing;
  const skip = (name: string) => ['test_frame_mask', 'test_pixel_mask'].includes(name.toLowerCase());
  const frameMask = await findChild(testing, ['test_frame_mask']);
  const pixelMask = await findChild(testing, ['test_pixel_mask']);
  const videos: LayoutVideo[] = (await listVideoEntries(train)).map((e) => ({ name: e.name, split: 'train', sourcePath: e.path }));
  for (const entry of await listVideoEntries(test, skip)) {
    const maskFile = pixelMask === undefined ? undefined : path.join(pixelMask, `${entry.name}.npy`);
    const masks = maskFile !== undefined && (await isFile(maskFile)) ? await openMaskSet(maskFile) : undefined;
    videos.push({ name: entry.name, split: 'test', sourcePath: entry.path, masks });
  }
  return { videos, labels: frameMask === undefined ? undefined : await readLabelSource(frameMask), folderFps: SHANGHAITECH_FPS };
}
