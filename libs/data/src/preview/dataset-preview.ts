// Preview of an imported data set's synthetic anomalies: decodes a few training videos into memory at a
// reduced size, builds the default object source from them (and UBnormal actors when present), and
// renders a contact sheet. For people to check the augmentation, not for training.
import { InMemoryFrameStore } from '../cache/frame-store';
import { decodeAllFrames, decodeFrames } from '../decode/frame-decoder';
import { openFrameSource } from '../decode/frame-source';
import { DataError, DataErrorCode } from '../data.error';
import { openImportedMasks } from '../ground-truth/pixel-masks';
import type { ImportedDataset, ImportedVideo } from '../importers/imported-dataset';
import { createRandom, combineSeeds, shuffleInPlace } from '../random/seeded-random';
import { type AnnotatedVideo, loadAnnotatedVideo } from '../synthetic/annotated-region-source';
import { createDefaultObjectSource } from '../synthetic/default-object-source';
import { encodePng } from './contact-sheet';
import { renderSyntheticPreview } from './synthetic-preview';

export interface DatasetPreviewOptions {
  seed: number;
  count: number;
  /** Training videos decoded for the preview (default 3). */
  maxVideos?: number;
  /** Largest preview frame width (default 320); the height follows the aspect ratio. */
  maxWidth?: number;
  /** Frames decoded from the start of each training video (default 300): a preview never holds a whole long video. */
  maxFramesPerVideo?: number;
  patchSize?: number;
}

export interface DatasetPreview {
  png: Buffer;
  width: number;
  height: number;
  examples: number;
  videos: string[];
  objectSource: string;
}

async function loadStore(video: ImportedVideo, width: number, height: number): Promise<InMemoryFrameStore> {
  const frames = await decodeAllFrames(await openFrameSource(video.sourcePath), { width, height, colour: 'gray' });
  return new InMemoryFrameStore(video.name, width, height, 1, frames);
}

/** The first `maxFrames` frames of a video; stopping the stream early stops its decoder. */
async function loadOpening(video: ImportedVideo, width: number, height: number, maxFrames: number): Promise<InMemoryFrameStore> {
  const frames: Uint8Array[] = [];
  for await (const frame of decodeFrames(await openFrameSource(video.sourcePath), { width, height, colour: 'gray' })) {
    frames.push(frame);
    if (frames.length >= maxFrames) break;
  }
  return new InMemoryFrameStore(video.name, width, height, 1, frames);
}

export async function previewDataset(dataset: ImportedDataset, options: DatasetPreviewOptions): Promise<DatasetPreview> {
  const train = dataset.videos.filter((v) => v.split === 'train');
  const pool = train.length > 0 ? train : dataset.videos;
  if (pool.length === 0) throw new DataError(DataErrorCode.NoVideos, `data set ${dataset.name} has no videos to preview`);
  if (!Number.isInteger(options.count) || options.count < 1 || options.count > 64)
    throw new DataError(DataErrorCode.InvalidOptions, `preview count must be between 1 and 64, got ${options.count}`);
  const random = createRandom(combineSeeds(options.seed, 7));
  const chosen = shuffleInPlace([...pool], random).slice(0, options.maxVideos ?? 3);
  const patchSize = options.patchSize ?? 8;
  const first = chosen[0];
  const scale = Math.min(1, (options.maxWidth ?? 320) / first.width);
  const width = Math.max(patchSize, Math.floor((first.width * scale) / patchSize) * patchSize);
  const height = Math.max(patchSize, Math.floor((first.height * scale) / patchSize) * patchSize);
  const stores = await Promise.all(chosen.map((v) => loadOpening(v, width, height, options.maxFramesPerVideo ?? 300)));
  const annotated: AnnotatedVideo[] = [];
  for (const source of dataset.anomalySources.slice(0, 2)) {
    const masks = await openImportedMasks(source);
    if (masks !== undefined) annotated.push(await loadAnnotatedVideo(await loadStore(source, width, height), masks, source, { maxFrames: 8 }));
  }
  const objectSource = await createDefaultObjectSource(stores, { seed: options.seed, annotated });
  const image = await renderSyntheticPreview({ videos: stores, objectSource, seed: options.seed, count: options.count, patchSize });
  return {
    png: encodePng(image),
    width: image.width,
    height: image.height,
    examples: options.count,
    videos: chosen.map((v) => v.name),
    objectSource: objectSource.name,
  };
}
