// Pixel-level ground truth: one binary mask per test frame, as image folders (UCSD, Ped2 re-release,
// UBnormal, generic PNG masks), one .npy volume per video (ShanghaiTech) or one .mat cell array per
// video (CUHK Avenue). Masks are located per video, validated against its frame count and size, and
// read back as 0/1 arrays at the video's native size.
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DataError, DataErrorCode } from '../data.error';
import { decodeFrames } from '../decode/frame-decoder';
import { checkImageBytes, listImageFiles } from '../decode/frame-source';
import { sha256File } from '../decode/file-checksum';
import { readImageDimensions } from '../decode/image-dimensions';
import { IMAGE_EXTENSIONS, type ImageKind } from '../decode/media-type';
import { readMat, type MatValue } from './mat-reader';
import { readNpyHeader, readNpySlices } from './npy-reader';
import { matchVideoName } from './video-name-match';

export type MaskSet =
  /**
   * One image per frame in frame order; with `frameIndices`, files[i] is the mask of frame frameIndices[i]
   * and frames without a file have an empty mask (UBnormal annotates only frames with an anomaly).
   */
  | { kind: 'image-folder'; path: string; image: ImageKind; files: string[]; frameIndices?: number[] }
  /** A (frames, height, width) array. */
  | { kind: 'npy'; path: string }
  /** A cell array of height×width matrices, one per frame. */
  | { kind: 'mat'; path: string; variable?: string };

export interface MaskedVideo {
  name: string;
  frameCount: number;
  width: number;
  height: number;
}

/** Opens a mask folder, .npy or .mat file; undefined when the path is none of them. */
export async function openMaskSet(maskPath: string): Promise<MaskSet | undefined> {
  const info = await stat(maskPath).catch(() => undefined);
  if (info === undefined) return undefined;
  if (info.isDirectory()) {
    const files = await listImageFiles(maskPath);
    if (files.length === 0) return undefined;
    const kinds = new Set(files.map((f) => IMAGE_EXTENSIONS[path.extname(f).toLowerCase()]));
    if (kinds.size > 1)
      throw new DataError(DataErrorCode.MaskInvalid, `${maskPath} mixes image types (${[...kinds].join(', ')}); masks of a video must have one type`, maskPath);
    return { kind: 'image-folder', path: maskPath, image: [...kinds][0], files };
  }
  const extension = path.extname(maskPath).toLowerCase();
  if (extension === '.npy') return { kind: 'npy', path: maskPath };
  if (extension === '.mat') return { kind: 'mat', path: maskPath };
  return undefined;
}

/**
 * Finds the masks of each video inside `root`: a sub-folder, `.npy` or `.mat` file whose name matches the
 * video's (also "01" for "Test001", "Test001_gt", "1_label.mat"). Entries that match no video are ignored.
 */
export async function locateMasks(root: string, videoNames: readonly string[]): Promise<Map<string, MaskSet>> {
  const info = await stat(root).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) throw new DataError(DataErrorCode.MasksNotFound, `mask folder ${root} does not exist`, root);
  const entries = (await readdir(root, { withFileTypes: true })).map((e) => e.name).sort();
  const found = new Map<string, MaskSet>();
  // Exact names first, so that "01" wins over "1_label" for the video "01".
  const ranked = entries
    .map((entry) => ({ entry, key: entry.replace(/\.(npy|mat)$/i, '') }))
    .map((e) => ({ ...e, video: matchVideoName(e.key, videoNames) }))
    .filter((e): e is { entry: string; key: string; video: string } => e.video !== undefined)
    .sort((a, b) => Number(b.key === b.video) - Number(a.key === a.video));
  for (const { entry, video } of ranked) {
    if (found.has(video)) continue;
    const set = await openMaskSet(path.join(root, entry));
    if (set !== undefined) found.set(video, set);
  }
  return found;
}

function countMismatch(where: string, masks: number, video: MaskedVideo): DataError {
  return new DataError(
    DataErrorCode.MaskCountMismatch,
    `${where} holds ${masks} masks but video "${video.name}" has ${video.frameCount} frames; there must be one mask per frame`,
    where,
  );
}

function sizeMismatch(where: string, width: number, height: number, video: MaskedVideo): DataError {
  return new DataError(
    DataErrorCode.MaskSizeMismatch,
    `${where} is ${width}×${height} but video "${video.name}" is ${video.width}×${video.height}; masks must have the frames' size`,
    where,
  );
}

/** Checks a video's masks (count and size of every one) and returns a checksum of their content. */
export async function validateMaskSet(set: MaskSet, video: MaskedVideo): Promise<string> {
  switch (set.kind) {
    case 'image-folder': {
      if (set.frameIndices === undefined && set.files.length !== video.frameCount) throw countMismatch(set.path, set.files.length, video);
      if (set.frameIndices !== undefined) {
        const bad = set.frameIndices.find((i) => i < 0 || i >= video.frameCount);
        if (bad !== undefined) throw countMismatch(`${set.path} (mask of frame ${bad})`, set.files.length, video);
      }
      const hash = createHash('sha256');
      for (const file of set.files) {
        const bytes = await readFile(file);
        try {
          checkImageBytes(file, bytes, set.image);
        } catch (error) {
          throw new DataError(DataErrorCode.MaskInvalid, error instanceof Error ? error.message : String(error), file);
        }
        const size = readImageDimensions(set.image, bytes);
        if (size === undefined) throw new DataError(DataErrorCode.MaskInvalid, `${file} has an unreadable image header (corrupt or truncated)`, file);
        if (size.width !== video.width || size.height !== video.height) throw sizeMismatch(file, size.width, size.height, video);
        hash.update(`${path.basename(file)}\0`).update(bytes);
      }
      return hash.digest('hex');
    }
    case 'npy': {
      const header = await readNpyHeader(set.path);
      const shape = header.shape.length === 4 && header.shape[3] === 1 ? header.shape.slice(0, 3) : header.shape;
      if (shape.length !== 3) {
        throw new DataError(DataErrorCode.MaskInvalid, `${set.path} has shape (${header.shape.join(', ')}); expected (frames, height, width)`, set.path);
      }
      if (shape[0] !== video.frameCount) throw countMismatch(set.path, shape[0], video);
      if (shape[1] !== video.height || shape[2] !== video.width) throw sizeMismatch(set.path, shape[2], shape[1], video);
      return sha256File(set.path);
    }
    case 'mat': {
      const cells = matMaskCells(set, await readMat(set.path));
      if (cells.length !== video.frameCount) throw countMismatch(set.path, cells.length, video);
      cells.forEach((cell, i) => {
        if (cell.kind !== 'numeric' || cell.dims.length !== 2)
          throw new DataError(DataErrorCode.MaskInvalid, `${set.path}: mask ${i} is not a 2-D matrix`, set.path);
        if (cell.dims[0] !== video.height || cell.dims[1] !== video.width) throw sizeMismatch(`${set.path} (mask ${i})`, cell.dims[1], cell.dims[0], video);
      });
      return sha256File(set.path);
    }
  }
}

function matMaskCells(set: Extract<MaskSet, { kind: 'mat' }>, variables: Map<string, MatValue>): MatValue[] {
  const value =
    set.variable !== undefined ? variables.get(set.variable) : (variables.get('volLabel') ?? [...variables.values()].find((v) => v.kind === 'cell'));
  if (value?.kind !== 'cell') {
    throw new DataError(DataErrorCode.MaskInvalid, `${set.path} holds no cell array of masks (expected a variable such as "volLabel")`, set.path);
  }
  return value.cells;
}

/** The masks of a video as 0/1 arrays (row-major, the video's native size), one per frame, in order. */
export async function* readMaskFrames(set: MaskSet, video: MaskedVideo): AsyncGenerator<Uint8Array> {
  const pixels = video.width * video.height;
  switch (set.kind) {
    case 'image-folder': {
      // Lossy JPEG masks are thresholded at mid-gray; lossless ones at any non-zero value (UBnormal stores track ids).
      const threshold = set.image === 'jpeg' ? 127 : 0;
      const decoded = decodeFrames(
        { kind: 'frames', path: set.path, image: set.image, files: set.files },
        { width: video.width, height: video.height, colour: 'gray' },
      );
      if (set.frameIndices === undefined) {
        for await (const frame of decoded) yield binarise(frame, threshold);
        return;
      }
      const byFrame = new Map<number, Uint8Array>();
      let i = 0;
      for await (const frame of decoded) byFrame.set(set.frameIndices[i++], binarise(frame, threshold));
      for (let f = 0; f < video.frameCount; f++) yield byFrame.get(f) ?? new Uint8Array(pixels);
      return;
    }
    case 'npy': {
      const header = await readNpyHeader(set.path);
      for (let f = 0; f < video.frameCount; f++) {
        const values = await readNpySlices(set.path, header, f, 1);
        const mask = new Uint8Array(pixels);
        for (let p = 0; p < pixels; p++) mask[p] = values[p] > 0 ? 1 : 0;
        yield mask;
      }
      return;
    }
    case 'mat': {
      for (const cell of matMaskCells(set, await readMat(set.path))) {
        if (cell.kind !== 'numeric') throw new DataError(DataErrorCode.MaskInvalid, `${set.path}: a mask is not a numeric matrix`, set.path);
        const [rows, cols] = cell.dims;
        const mask = new Uint8Array(pixels);
        // MATLAB stores column-major.
        for (let c = 0; c < cols; c++) for (let r = 0; r < rows; r++) mask[r * cols + c] = cell.data[c * rows + r] > 0 ? 1 : 0;
        yield mask;
      }
      return;
    }
  }
}

function binarise(frame: Uint8Array, threshold: number): Uint8Array {
  const out = new Uint8Array(frame.length);
  for (let i = 0; i < frame.length; i++) out[i] = frame[i] > threshold ? 1 : 0;
  return out;
}

/** Frame labels implied by masks: 1 where a frame's mask has any abnormal pixel. */
export async function labelsFromMasks(set: MaskSet, video: MaskedVideo): Promise<number[]> {
  const labels: number[] = [];
  for await (const mask of readMaskFrames(set, video)) labels.push(mask.includes(1) ? 1 : 0);
  return labels;
}

/** The mask set recorded for an imported video (ImportedVideo.masksPath / maskFormat), or undefined. */
export async function openImportedMasks(video: {
  name: string;
  masksPath?: string;
  maskFormat?: MaskSet['kind'];
  maskFrameIndices?: number[];
}): Promise<MaskSet | undefined> {
  if (video.masksPath === undefined || video.maskFormat === undefined) return undefined;
  if (video.maskFormat !== 'image-folder') return { kind: video.maskFormat, path: video.masksPath };
  const set = await openMaskSet(video.masksPath);
  if (set?.kind !== 'image-folder')
    throw new DataError(DataErrorCode.MasksNotFound, `${video.masksPath}: the masks of "${video.name}" are gone`, video.masksPath);
  if (video.maskFrameIndices === undefined) return set;
  if (video.maskFrameIndices.length !== set.files.length) {
    throw new DataError(
      DataErrorCode.MaskInvalid,
      `${video.masksPath} now holds ${set.files.length} masks, not the ${video.maskFrameIndices.length} recorded at import; re-import the data set`,
      video.masksPath,
    );
  }
  return { ...set, frameIndices: video.maskFrameIndices };
}
