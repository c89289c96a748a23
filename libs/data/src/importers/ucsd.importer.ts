// UCSD Ped1/Ped2: the original release (`Train/TrainNNN`, `Test/TestNNN` of .tif frames, `TestNNN_gt`
// mask folders, `UCSDpedN.m` labels) and the common re-release (`training/[frames/]NN/*.jpg`,
// `testing/[frames/]NN/*.jpg`, labels in a separate file).
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { type LabelSource, readLabelSource } from '../ground-truth/frame-labels';
import { openMaskSet } from '../ground-truth/pixel-masks';
import type { DatasetLayout, LayoutVideo } from './dataset-layout';
import { findChild, layoutError, listVideoEntries } from './layout-scan';

const UCSD_FPS = 10;

async function findLabelFile(dirs: string[]): Promise<LabelSource | undefined> {
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    const mFile = names.find((n) => /^ucsdped\d*\.m$/i.test(n)) ?? names.find((n) => n.toLowerCase().endsWith('.m'));
    if (mFile !== undefined) return readLabelSource(path.join(dir, mFile));
  }
  return undefined;
}

export async function discoverUcsdLayout(root: string): Promise<DatasetLayout> {
  const train = await findChild(root, ['Train']);
  const test = await findChild(root, ['Test']);
  const original = train !== undefined && (await readdir(train)).some((name) => /^train\d+$/i.test(name));
  if (original && train !== undefined && test !== undefined) {
    const isGt = (name: string) => /_gt$/i.test(name);
    const videos: LayoutVideo[] = (await listVideoEntries(train)).map((e) => ({ name: e.name, split: 'train', sourcePath: e.path }));
    for (const entry of await listVideoEntries(test, isGt)) {
      const gt = await findChild(test, [`${entry.name}_gt`]);
      const masks = gt === undefined ? undefined : await openMaskSet(gt);
      videos.push({ name: entry.name, split: 'test', sourcePath: entry.path, masks });
    }
    return { videos, labels: await findLabelFile([test, root]), folderFps: UCSD_FPS };
  }
  const training = await findChild(root, ['training', 'train']);
  const testing = await findChild(root, ['testing', 'test']);
  if (training === undefined || testing === undefined) {
    throw layoutError(root, 'UCSD', 'Train/ and Test/ (original release) or training/ and testing/ (re-release) folders');
  }
  const framesOf = async (dir: string) => (await findChild(dir, ['frames'])) ?? dir;
  const videos: LayoutVideo[] = [
    ...(await listVideoEntries(await framesOf(training))).map((e): LayoutVideo => ({ name: e.name, split: 'train', sourcePath: e.path })),
    ...(await listVideoEntries(await framesOf(testing))).map((e): LayoutVideo => ({ name: e.name, split: 'test', sourcePath: e.path })),
  ];
  return { videos, labels: await findLabelFile([root, testing]), folderFps: UCSD_FPS };
}
