// The generic layout every user can produce: `train/` (normal videos or frame folders), `test/`,
// optional `labels.json` ({"video": [0,1,…]} or {"video": [[start,end],…]}) and optional `masks/VIDEO/`.
import { readLabelSource } from '../ground-truth/frame-labels';
import { locateMasks } from '../ground-truth/pixel-masks';
import type { DatasetLayout, LayoutVideo } from './dataset-layout';
import { findChild, layoutError, listVideoEntries } from './layout-scan';

const DEFAULT_FOLDER_FPS = 25;

export async function discoverFolderLayout(root: string): Promise<DatasetLayout> {
  const train = await findChild(root, ['train', 'training']);
  const test = await findChild(root, ['test', 'testing']);
  if (train === undefined && test === undefined) throw layoutError(root, 'folder', 'a train/ folder of normal videos and a test/ folder');
  const videos: LayoutVideo[] = [];
  if (train !== undefined) for (const e of await listVideoEntries(train)) videos.push({ name: e.name, split: 'train', sourcePath: e.path });
  const testEntries = test === undefined ? [] : await listVideoEntries(test);
  const masksDir = await findChild(root, ['masks', 'test_masks', 'pixel_masks']);
  const masks =
    masksDir === undefined
      ? new Map()
      : await locateMasks(
          masksDir,
          testEntries.map((e) => e.name),
        );
  for (const e of testEntries) videos.push({ name: e.name, split: 'test', sourcePath: e.path, masks: masks.get(e.name) });
  const labelFile = await findChild(root, ['labels.json', 'test_labels.json', 'frame_labels.json'], 'file');
  return { videos, labels: labelFile === undefined ? undefined : await readLabelSource(labelFile), folderFps: DEFAULT_FOLDER_FPS };
}
