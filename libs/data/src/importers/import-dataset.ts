// Imports a data set from the user's files: finds its videos and ground truth for the given format,
// validates every video (limits, magic bytes, codec, decodability, exact frame count), every label
// and every mask, and returns one manifest with a content version. All or nothing: the first problem
// throws a DataError naming the file, and nothing is written anywhere.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { DataError, DataErrorCode } from '../data.error';
import type { FfmpegTools } from '../decode/ffmpeg-tools';
import { openFrameSource } from '../decode/frame-source';
import { resolveIngestLimits, type IngestLimits } from '../decode/ingest-limits';
import { inspectFrameSource } from '../decode/inspect-source';
import { expandLabelSpec, readLabelSource, resolveFrameLabels } from '../ground-truth/frame-labels';
import { labelsFromMasks, locateMasks, type MaskSet, validateMaskSet } from '../ground-truth/pixel-masks';
import { discoverAvenueLayout } from './avenue.importer';
import type { DatasetLayout, LayoutOptions, LayoutVideo } from './dataset-layout';
import { datasetVersion } from './dataset-version';
import { discoverFolderLayout } from './folder.importer';
import { DATASET_FORMATS, type DatasetFormat, type DatasetSummary, type ImportedDataset, type ImportedVideo } from './imported-dataset';
import { mapConcurrent } from '../concurrency/map-concurrent';
import { discoverShanghaiTechLayout } from './shanghaitech.importer';
import { discoverUbnormalLayout } from './ubnormal.importer';
import { discoverUcsdLayout } from './ucsd.importer';

export interface ImportOptions extends LayoutOptions {
  format: DatasetFormat;
  /** Display name; defaults to the folder's name. */
  name?: string;
  /** Frame labels kept beside the data: JSON, .npy, a folder of .npy, or UCSD's .m file. Overrides shipped labels. */
  labelsPath?: string;
  /** Folder of per-video masks (sub-folders of images, .npy or .mat files). Overrides shipped masks. */
  masksPath?: string;
  limits?: Partial<IngestLimits>;
  tools?: FfmpegTools;
  /** Decode every video once to count frames exactly and catch corrupt data (default true). */
  verifyDecode?: boolean;
  /** Frame rate recorded for frame folders; defaults to the format's usual rate. */
  folderFps?: number;
  /** Videos inspected at once (each runs ffprobe); default 2. */
  concurrency?: number;
  /** After each video (and anomaly source) is inspected: decoding every video is most of an import's time. */
  onVideoInspected?: (progress: { name: string; done: number; total: number }) => void;
}

export function parseDatasetFormat(value: string): DatasetFormat {
  const format = DATASET_FORMATS.find((f) => f === value.toLowerCase());
  if (format === undefined) {
    throw new DataError(DataErrorCode.UnsupportedFormat, `unknown data set format "${value}"; use one of ${DATASET_FORMATS.join(', ')}`);
  }
  return format;
}

function discoverLayout(root: string, options: ImportOptions): Promise<DatasetLayout> {
  switch (options.format) {
    case 'ucsd':
      return discoverUcsdLayout(root);
    case 'avenue':
      return discoverAvenueLayout(root);
    case 'shanghaitech':
      return discoverShanghaiTechLayout(root);
    case 'ubnormal':
      return discoverUbnormalLayout(root, options);
    case 'folder':
      return discoverFolderLayout(root);
  }
}

function checkNames(root: string, videos: readonly LayoutVideo[]): void {
  const seen = new Set<string>();
  for (const video of videos) {
    const key = `${video.split}/${video.name}`;
    if (seen.has(key)) {
      throw new DataError(
        DataErrorCode.DuplicateVideoName,
        `${root}: two ${video.split} videos are named "${video.name}" (e.g. a.mp4 and a folder a/); rename one`,
        video.sourcePath,
      );
    }
    seen.add(key);
  }
}

export async function importDataset(sourcePath: string, options: ImportOptions): Promise<ImportedDataset> {
  const root = path.resolve(sourcePath);
  if (!(await stat(root).catch(() => undefined))?.isDirectory()) {
    throw new DataError(DataErrorCode.SourceNotFound, `${root} does not exist or is not a folder`, root);
  }
  const layout = await discoverLayout(root, options);
  const warnings = [...(layout.notes ?? [])];
  if (layout.videos.length === 0) throw new DataError(DataErrorCode.NoVideos, `${root} contains no ${options.format} videos or frame folders`, root);
  if (!layout.videos.some((v) => v.split === 'train')) warnings.push('no training videos: this data set can be scored but not trained on');
  if (!layout.videos.some((v) => v.split === 'test')) warnings.push('no test videos: this data set can be trained on but not evaluated');
  checkNames(root, layout.videos);

  const limits = resolveIngestLimits(options.limits);
  const inspect = async (video: LayoutVideo): Promise<ImportedVideo> => {
    const source = await openFrameSource(video.sourcePath);
    const info = await inspectFrameSource(source, {
      limits,
      tools: options.tools,
      verifyDecode: options.verifyDecode,
      folderFps: options.folderFps ?? layout.folderFps,
    });
    return {
      name: video.name,
      split: video.split,
      sourcePath: source.path,
      sourceKind: source.kind === 'video' ? 'video-file' : 'frame-folder',
      codec: info.codec,
      fps: info.fps,
      frameCount: info.frameCount,
      width: info.width,
      height: info.height,
      sizeBytes: info.sizeBytes,
      checksum: info.checksum,
    };
  };
  const concurrency = options.concurrency ?? 2;
  const total = layout.videos.length + (layout.anomalySources?.length ?? 0);
  let done = 0;
  const inspectAndReport = async (video: LayoutVideo): Promise<ImportedVideo> => {
    const inspected = await inspect(video);
    done += 1;
    options.onVideoInspected?.({ name: video.name, done, total });
    return inspected;
  };
  const videos = await mapConcurrent(layout.videos, concurrency, inspectAndReport);
  const anomalySources = await mapConcurrent(layout.anomalySources ?? [], concurrency, inspectAndReport);
  const tests = videos.filter((v) => v.split === 'test');

  // Pixel masks: the user's folder replaces whatever shipped with the data.
  const masks = new Map<string, MaskSet>();
  if (options.masksPath !== undefined) {
    const found = await locateMasks(
      path.resolve(options.masksPath),
      tests.map((v) => v.name),
    );
    if (found.size === 0) {
      throw new DataError(
        DataErrorCode.MasksNotFound,
        `${path.resolve(options.masksPath)} holds no masks named after a test video (${tests.map((v) => v.name).join(', ')})`,
        options.masksPath,
      );
    }
    for (const [name, set] of found) masks.set(name, set);
  } else {
    for (const video of layout.videos) if (video.split === 'test' && video.masks !== undefined) masks.set(video.name, video.masks);
  }
  const attachMasks = async (video: ImportedVideo, set: MaskSet | undefined) => {
    if (set === undefined) return;
    video.masksChecksum = await validateMaskSet(set, video);
    video.masksPath = set.path;
    video.maskFormat = set.kind;
    if (set.kind === 'image-folder' && set.frameIndices !== undefined) video.maskFrameIndices = set.frameIndices;
  };
  await mapConcurrent(tests, concurrency, (video) => attachMasks(video, masks.get(video.name)));
  await mapConcurrent(anomalySources, concurrency, (video, i) => attachMasks(video, layout.anomalySources?.[i].masks));

  // Frame labels: the user's file, else the shipped file, else per-video ground truth, else the masks.
  const labelSource = options.labelsPath !== undefined ? await readLabelSource(options.labelsPath) : layout.labels;
  if (labelSource !== undefined && tests.length > 0) {
    const labels = resolveFrameLabels(labelSource, tests);
    for (const video of tests) video.frameLabels = labels.get(video.name);
  } else {
    for (const video of tests) {
      const spec = layout.videos.find((v) => v.split === 'test' && v.name === video.name)?.labels;
      const set = masks.get(video.name);
      if (spec !== undefined) video.frameLabels = expandLabelSpec(spec, video, video.sourcePath);
      else if (set !== undefined) video.frameLabels = await labelsFromMasks(set, video);
    }
  }
  const unlabelled = tests.filter((v) => v.frameLabels === undefined);
  if (unlabelled.length > 0)
    warnings.push(`${unlabelled.length} test video(s) have no frame labels (${unlabelled.map((v) => v.name).join(', ')}); give --labels FILE to evaluate them`);
  const unmasked = tests.filter((v) => v.masksPath === undefined);
  if (masks.size > 0 && unmasked.length > 0) warnings.push(`${unmasked.length} test video(s) have no pixel masks (${unmasked.map((v) => v.name).join(', ')})`);

  const name = options.name ?? path.basename(root);
  const frames = (split: string) => videos.filter((v) => v.split === split).reduce((sum, v) => sum + v.frameCount, 0);
  const summary: DatasetSummary = {
    format: options.format,
    name,
    trainVideos: videos.length - tests.length,
    testVideos: tests.length,
    trainFrames: frames('train'),
    testFrames: frames('test'),
    abnormalTestFrames: tests.reduce((sum, v) => sum + (v.frameLabels?.reduce((a, b) => a + b, 0) ?? 0), 0),
    labelledTestVideos: tests.length - unlabelled.length,
    hasPixelMasks: tests.some((v) => v.masksPath !== undefined),
    pixelMaskedTestVideos: tests.filter((v) => v.masksPath !== undefined).length,
    anomalySourceVideos: anomalySources.length,
    datasetVersion: datasetVersion(videos, anomalySources),
    warnings,
  };
  return { format: options.format, name, rootPath: root, summary, videos, anomalySources };
}
