// Frame-level ground truth (1 = abnormal frame) in the shapes the field ships it, resolved to one
// 0/1 array per test video and checked against the videos' frame counts.
//
// Accepted label files:
// - JSON `{"video": [0,1,…]}` (one value per frame) or `{"video": [[start, end], …]}` (abnormal intervals,
//   0-based, both ends included);
// - a folder of per-video `.npy` arrays (ShanghaiTech `test_frame_mask/`);
// - one `.npy` array of all test frames concatenated in video order (common Ped2/Avenue re-releases);
// - UCSD's `UCSDped1.m` / `UCSDped2.m`.
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DataError, DataErrorCode } from '../data.error';
import { readNpy } from './npy-reader';
import { type FrameInterval, parseUcsdGroundTruth } from './ucsd-m-file';
import { matchVideoName } from './video-name-match';

export type LabelSpec = { kind: 'per-frame'; values: number[] } | { kind: 'intervals'; intervals: FrameInterval[] };

export type LabelSource =
  /** Labels keyed by video name. */
  | { kind: 'by-name'; file: string; entries: Map<string, LabelSpec> }
  /** One entry per test video, in the videos' order. */
  | { kind: 'ordered'; file: string; entries: LabelSpec[] }
  /** All test frames of all test videos, concatenated in the videos' order. */
  | { kind: 'concatenated'; file: string; values: number[] };

export interface LabelledVideo {
  name: string;
  frameCount: number;
}

function invalid(file: string, problem: string): DataError {
  return new DataError(DataErrorCode.LabelsInvalid, `${file}: ${problem}`, file);
}

function toBinary(values: ArrayLike<unknown>, file: string, where: string): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === 0 || v === false) out[i] = 0;
    else if (v === 1 || v === true) out[i] = 1;
    else throw invalid(file, `${where}: frame ${i} has the label ${JSON.stringify(v)}; labels must be 0 or 1`);
  }
  return out;
}

function isInterval(value: unknown): value is FrameInterval {
  return Array.isArray(value) && value.length === 2 && value.every((n) => Number.isInteger(n) && n >= 0) && value[0] <= value[1];
}

/** Reads one JSON value of a label file: per-frame labels or abnormal intervals. */
export function parseLabelSpec(value: unknown, file: string, video: string): LabelSpec {
  if (!Array.isArray(value)) throw invalid(file, `the labels of "${video}" must be an array`);
  if (value.length > 0 && value.every((v) => Array.isArray(v))) {
    const bad = value.find((v) => !isInterval(v));
    if (bad !== undefined) throw invalid(file, `"${video}" has the interval ${JSON.stringify(bad)}; intervals are [start, end] frame indices with start ≤ end`);
    return { kind: 'intervals', intervals: value as FrameInterval[] };
  }
  if (value.length === 0) return { kind: 'intervals', intervals: [] };
  return { kind: 'per-frame', values: toBinary(value, file, `"${video}"`) };
}

export function parseLabelJson(text: string, file: string): LabelSource {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw invalid(file, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw invalid(file, 'expected an object mapping each test video to its labels, e.g. {"01": [0, 1, …]} or {"01": [[60, 179]]}');
  }
  const entries = new Map<string, LabelSpec>();
  for (const [video, value] of Object.entries(parsed)) entries.set(video, parseLabelSpec(value, file, video));
  return { kind: 'by-name', file, entries };
}

function flatLabels(values: ArrayLike<number>, shape: number[], file: string): number[] {
  if (shape.filter((n) => n > 1).length > 1) throw invalid(file, `expected a 1-D array of frame labels, got shape (${shape.join(', ')})`);
  return toBinary(values, file, 'array');
}

export async function readLabelSource(labelsPath: string): Promise<LabelSource> {
  const file = path.resolve(labelsPath);
  const info = await stat(file).catch(() => undefined);
  if (info === undefined) throw new DataError(DataErrorCode.SourceNotFound, `label file ${file} does not exist`, file);
  if (info.isDirectory()) {
    const names = (await readdir(file)).filter((n) => n.toLowerCase().endsWith('.npy')).sort();
    if (names.length === 0) throw invalid(file, 'the folder holds no per-video .npy label files');
    const entries = new Map<string, LabelSpec>();
    for (const name of names) {
      const array = await readNpy(path.join(file, name));
      entries.set(name.slice(0, -4), { kind: 'per-frame', values: flatLabels(array.data, array.header.shape, path.join(file, name)) });
    }
    return { kind: 'by-name', file, entries };
  }
  const extension = path.extname(file).toLowerCase();
  if (extension === '.json') return parseLabelJson(await readFile(file, 'utf8'), file);
  if (extension === '.npy') {
    const array = await readNpy(file);
    return { kind: 'concatenated', file, values: flatLabels(array.data, array.header.shape, file) };
  }
  if (extension === '.m') {
    const videos = parseUcsdGroundTruth(await readFile(file, 'utf8'), file);
    return { kind: 'ordered', file, entries: videos.map((intervals) => ({ kind: 'intervals', intervals })) };
  }
  throw new DataError(
    DataErrorCode.UnsupportedFormat,
    `${file}: unsupported label file; use JSON ({"video": [0,1,…]} or {"video": [[start,end],…]}), .npy, a folder of .npy files, or UCSD's .m file`,
    file,
  );
}

/** The 0/1 labels of one video from its spec, checked against its frame count. */
export function expandLabelSpec(spec: LabelSpec, video: LabelledVideo, file: string): number[] {
  if (spec.kind === 'per-frame') {
    if (spec.values.length !== video.frameCount) {
      throw new DataError(
        DataErrorCode.LabelLengthMismatch,
        `${file}: video "${video.name}" has ${spec.values.length} labels but ${video.frameCount} frames; there must be one label per frame`,
        file,
      );
    }
    return spec.values;
  }
  const labels = new Array<number>(video.frameCount).fill(0);
  for (const [start, end] of spec.intervals) {
    if (end >= video.frameCount) {
      throw new DataError(
        DataErrorCode.LabelLengthMismatch,
        `${file}: video "${video.name}" has the abnormal interval [${start}, ${end}] but only frames 0–${video.frameCount - 1}`,
        file,
      );
    }
    labels.fill(1, start, end + 1);
  }
  return labels;
}

/** Labels of every test video, by name; every video must be covered and every entry must name a video. */
export function resolveFrameLabels(source: LabelSource, videos: readonly LabelledVideo[]): Map<string, number[]> {
  const result = new Map<string, number[]>();
  switch (source.kind) {
    case 'by-name': {
      const names = videos.map((v) => v.name);
      for (const [key, spec] of source.entries) {
        const name = matchVideoName(key, names);
        if (name === undefined) {
          throw new DataError(
            DataErrorCode.LabelsUnknownVideo,
            `${source.file}: "${key}" matches no test video (test videos: ${names.join(', ')})`,
            source.file,
          );
        }
        if (result.has(name)) throw invalid(source.file, `"${key}" and another entry both name the test video "${name}"`);
        result.set(name, expandLabelSpec(spec, videos.find((v) => v.name === name) as LabelledVideo, source.file));
      }
      const missing = names.filter((n) => !result.has(n));
      if (missing.length > 0) {
        throw new DataError(DataErrorCode.LabelsMissing, `${source.file} has no labels for the test video(s) ${missing.join(', ')}`, source.file);
      }
      return result;
    }
    case 'ordered': {
      if (source.entries.length !== videos.length) {
        throw new DataError(
          DataErrorCode.LabelsMissing,
          `${source.file} has ground truth for ${source.entries.length} test videos but there are ${videos.length}`,
          source.file,
        );
      }
      videos.forEach((video, i) => result.set(video.name, expandLabelSpec(source.entries[i], video, source.file)));
      return result;
    }
    case 'concatenated': {
      const total = videos.reduce((sum, v) => sum + v.frameCount, 0);
      if (source.values.length !== total) {
        throw new DataError(
          DataErrorCode.LabelLengthMismatch,
          `${source.file} has ${source.values.length} labels but the ${videos.length} test videos have ${total} frames in all`,
          source.file,
        );
      }
      let offset = 0;
      for (const video of videos) {
        result.set(video.name, source.values.slice(offset, offset + video.frameCount));
        offset += video.frameCount;
      }
      return result;
    }
  }
}
