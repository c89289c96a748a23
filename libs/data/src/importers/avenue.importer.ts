// CUHK Avenue: `training_videos/*.avi`, `testing_videos/*.avi` (at the root or under training/ and
// testing/), masks in `testing_label_mask/N_label.mat` (also under ground_truth_demo/); frame labels
// follow from the masks unless a label file is given. The frame-folder re-release is accepted too.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { openMaskSet } from '../ground-truth/pixel-masks';
import { matchVideoName } from '../ground-truth/video-name-match';
import type { DatasetLayout, LayoutVideo } from './dataset-layout';
import { findChild, layoutError, listVideoEntries } from './layout-scan';

const AVENUE_FPS = 25;

async function firstDir(candidates: Array<Promise<string | undefined>>): Promise<string | undefined> {
  for (const candidate of candidates) {
    const found = await candidate;
    if (found !== undefined) return found;
  }
  return undefined;
}

export async function discoverAvenueLayout(root: string): Promise<DatasetLayout> {
  const under = async (parent: string, names: string[]) => {
    const dir = await findChild(root, [parent]);
    return dir === undefined ? undefined : findChild(dir, names);
  };
  let train = await firstDir([findChild(root, ['training_videos']), under('training', ['training_videos'])]);
  let test = await firstDir([findChild(root, ['testing_videos']), under('testing', ['testing_videos'])]);
  if (train === undefined || test === undefined) {
    // Frame-folder re-release: training/[frames/]NN, testing/[frames/]NN.
    const training = await findChild(root, ['training']);
    const testing = await findChild(root, ['testing']);
    if (training === undefined || testing === undefined) {
      throw layoutError(root, 'CUHK Avenue', 'training_videos/ and testing_videos/ (or training/ and testing/ frame folders)');
    }
    train = (await findChild(training, ['frames'])) ?? training;
    test = (await findChild(testing, ['frames'])) ?? testing;
  }
  const testEntries = await listVideoEntries(test);
  const maskDir = await firstDir([
    findChild(root, ['testing_label_mask']),
    under('ground_truth_demo', ['testing_label_mask']),
    under('testing', ['testing_label_mask']),
  ]);
  const masks = new Map<string, string>();
  if (maskDir !== undefined) {
    for (const name of await readdir(maskDir)) {
      const video = matchVideoName(
        name.replace(/\.mat$/i, ''),
        testEntries.map((e) => e.name),
      );
      if (video !== undefined && name.toLowerCase().endsWith('.mat')) masks.set(video, path.join(maskDir, name));
    }
  }
  const videos: LayoutVideo[] = (await listVideoEntries(train)).map((e) => ({ name: e.name, split: 'train', sourcePath: e.path }));
  for (const entry of testEntries) {
    const file = masks.get(entry.name);
    videos.push({ name: entry.name, split: 'test', sourcePath: entry.path, masks: file === undefined ? undefined : await openMaskSet(file) });
  }
  return { videos, folderFps: AVENUE_FPS };
}
