// UBnormal (Acsintoae et al., CVPR 2022), when a user has it locally: `SceneN/<video>.mp4`, annotations in
// `SceneN/<video>_annotations/` (`<video>_tracks.txt` with "track,start,end" 0-based frame ranges and
// per-frame masks `<video>_NNNN_gt.png`), and the official split lists `*_video_names.txt`.
// Normal training videos train the model; abnormal training videos become synthetic-anomaly sources
// (docs/method.md §6); the test (or validation) split is the test set.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { DataError, DataErrorCode } from '../data.error';
import { IMAGE_EXTENSIONS } from '../decode/media-type';
import { sortNatural } from '../decode/natural-order';
import type { LabelSpec } from '../ground-truth/frame-labels';
import type { MaskSet } from '../ground-truth/pixel-masks';
import type { FrameInterval } from '../ground-truth/ucsd-m-file';
import type { DatasetLayout, LayoutOptions, LayoutVideo } from './dataset-layout';
import { findChild, isFile, layoutError } from './layout-scan';

type ListName = `${'normal' | 'abnormal'}_${'training' | 'test' | 'validation'}`;

async function findSplitLists(root: string): Promise<Map<ListName, string[]>> {
  const lists = new Map<ListName, string[]>();
  for (const dir of [root, path.join(root, 'scripts'), path.join(root, 'splits')]) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const match = /^((?:ab)?normal)_(training|test|validation)_video_names\.txt$/.exec(name);
      if (match === null || lists.has(`${match[1]}_${match[2]}` as ListName)) continue;
      const text = await readFile(path.join(dir, name), 'utf8');
      lists.set(
        `${match[1]}_${match[2]}` as ListName,
        text
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter((l) => l.length > 0),
      );
    }
  }
  return lists;
}

/** "abnormal_scene_4_scenario_2" → "Scene4". */
function sceneOf(video: string): string | undefined {
  const match = /_scene_(\d+)_/.exec(video);
  return match === null ? undefined : `Scene${match[1]}`;
}

export function parseUbnormalTracks(text: string, file: string): FrameInterval[] {
  const intervals: FrameInterval[] = [];
  for (const line of text.split(/\r?\n/).filter((l) => l.trim().length > 0)) {
    const fields = line.split(',').map((f) => Number(f.trim()));
    if (fields.length < 3 || fields.some((f) => !Number.isFinite(f)) || fields[1] > fields[2] || fields[1] < 0) {
      throw new DataError(DataErrorCode.LabelsInvalid, `${file}: cannot read the track line "${line}" (expected "track,start,end")`, file);
    }
    intervals.push([Math.round(fields[1]), Math.round(fields[2])]);
  }
  return intervals;
}

async function annotations(root: string, video: string): Promise<{ labels: LabelSpec; masks?: MaskSet }> {
  const scene = sceneOf(video) ?? '';
  const dir = path.join(root, scene, `${video}_annotations`);
  const tracks = (await isFile(path.join(dir, `${video}_new_tracks.txt`))) ? path.join(dir, `${video}_new_tracks.txt`) : path.join(dir, `${video}_tracks.txt`);
  if (!(await isFile(tracks))) {
    throw new DataError(DataErrorCode.LabelsMissing, `${tracks} is missing: the abnormal video "${video}" has no annotation of its anomalies`, tracks);
  }
  const labels: LabelSpec = { kind: 'intervals', intervals: parseUbnormalTracks(await readFile(tracks, 'utf8'), tracks) };
  const maskPattern = new RegExp(`^${video}_(\\d+)_gt\\.png$`);
  const files: string[] = [];
  const frameIndices: number[] = [];
  for (const name of sortNatural(await readdir(dir))) {
    const match = maskPattern.exec(name);
    if (match === null) continue;
    files.push(path.join(dir, name));
    frameIndices.push(Number(match[1]));
  }
  const masks: MaskSet | undefined = files.length === 0 ? undefined : { kind: 'image-folder', path: dir, image: IMAGE_EXTENSIONS['.png'], files, frameIndices };
  return { labels, masks };
}

export async function discoverUbnormalLayout(root: string, options: LayoutOptions = {}): Promise<DatasetLayout> {
  const lists = await findSplitLists(root);
  const testSplit = options.ubnormalTestSplit ?? 'test';
  const required: ListName[] = ['normal_training', `abnormal_${testSplit}`, `normal_${testSplit}`];
  const missing = required.filter((name) => !lists.has(name));
  if (missing.length > 0 || (await findChild(root, ['Scene1'])) === undefined) {
    throw layoutError(
      root,
      'UBnormal',
      `Scene1/ … Scene29/ folders and the split lists ${required.map((n) => `${n}_video_names.txt`).join(', ')} (from the UBnormal repository's scripts/ folder) in the root or in scripts/`,
    );
  }
  const videoPath = (video: string) => path.join(root, sceneOf(video) ?? '', `${video}.mp4`);
  const normal = (video: string, split: 'train' | 'test'): LayoutVideo => ({
    name: video,
    split,
    sourcePath: videoPath(video),
    labels: split === 'test' ? { kind: 'intervals', intervals: [] } : undefined,
  });
  const videos: LayoutVideo[] = [
    ...(lists.get('normal_training') ?? []).map((v) => normal(v, 'train')),
    ...(lists.get(`normal_${testSplit}`) ?? []).map((v) => normal(v, 'test')),
  ];
  for (const video of lists.get(`abnormal_${testSplit}`) ?? [])
    videos.push({ name: video, split: 'test', sourcePath: videoPath(video), ...(await annotations(root, video)) });
  const anomalySources: LayoutVideo[] = [];
  for (const video of lists.get('abnormal_training') ?? [])
    anomalySources.push({ name: video, split: 'train', sourcePath: videoPath(video), ...(await annotations(root, video)) });
  return {
    videos,
    anomalySources,
    folderFps: 30,
    notes: anomalySources.length === 0 ? ['no abnormal_training_video_names.txt: UBnormal actors are not available as synthetic anomalies'] : [],
  };
}
