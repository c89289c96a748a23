// Hostile files through a whole import (issue 9): each is put into an otherwise valid `folder` data set,
// generated here with ffmpeg (no committed binaries). The import must fail with the specific DataError
// code, and leave nothing behind: the data set's folder unchanged and no temporary file in TMPDIR.
// Single-file checks of the same inputs live beside the code (inspect-source, frame-labels, pixel-masks).
import { execFileSync } from 'node:child_process';
import { watch, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataError, DataErrorCode } from '../../src/data.error';
import { importDataset, type ImportOptions } from '../../src/importers/import-dataset';
import { makeFrameFolder, makeMaskFolder, makeVideo } from '../media-fixtures';

/** Every file below a folder with its size, so that a change of any byte count shows. */
const snapshot = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? [`${e.name}/`, ...snapshot(full).map((c) => `${e.name}/${c}`)] : [`${e.name} ${statSync(full).size}`];
  });

/** A float64 .npy of one dimension, written by hand (the format is a short text header and raw values). */
function npyFloat64(values: number[]): Buffer {
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': (${values.length},), }`;
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
  const head = Buffer.alloc(10);
  Buffer.from('\x93NUMPY', 'latin1').copy(head);
  head.writeUInt8(1, 6);
  head.writeUInt16LE(header.length, 8);
  const data = Buffer.alloc(values.length * 8);
  values.forEach((v, i) => data.writeDoubleLE(v, i * 8));
  return Buffer.concat([head, Buffer.from(header, 'latin1'), data]);
}

interface HostileCase {
  name: string;
  code: DataErrorCode;
  /** Adds the hostile part to a data set that holds one good training video; returns extra import options. */
  build: (root: string, work: string) => Partial<ImportOptions> | void;
}

const TEST_FRAMES = 10;
const goodTestVideo = (root: string) => makeVideo(path.join(root, 'test', 'bike.mp4'), { frames: TEST_FRAMES });

const cases: HostileCase[] = [
  {
    name: 'an mp4 with an audio stream and no video stream',
    code: DataErrorCode.ZeroFrames,
    build: (root) => {
      mkdirSync(path.join(root, 'test'), { recursive: true });
      execFileSync('ffmpeg', [
        '-hide_banner',
        '-v',
        'error',
        '-y',
        '-f',
        'lavfi',
        '-i',
        'sine=frequency=440:duration=1',
        '-c:a',
        'aac',
        path.join(root, 'test', 'bike.mp4'),
      ]);
    },
  },
  {
    name: 'an mp4 cut at 60 %, among good videos',
    code: DataErrorCode.TruncatedVideo,
    build: (root, work) => {
      const full = makeVideo(path.join(work, 'long.mp4'), {
        frames: 60,
        width: 160,
        height: 120,
        codecArgs: ['-c:v', 'libx264', '-preset', 'ultrafast', '-movflags', '+faststart'],
      });
      const bytes = readFileSync(full);
      mkdirSync(path.join(root, 'test'), { recursive: true });
      writeFileSync(path.join(root, 'test', 'bike.mp4'), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    },
  },
  {
    name: 'random bytes named .mp4',
    code: DataErrorCode.CorruptVideo,
    build: (root) => {
      mkdirSync(path.join(root, 'test'), { recursive: true });
      writeFileSync(path.join(root, 'test', 'bike.mp4'), Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 251)));
    },
  },
  {
    name: 'a frame folder with one image of another size',
    code: DataErrorCode.InconsistentFrameSize,
    build: (root, work) => {
      const folder = makeFrameFolder(path.join(root, 'test', 'bike'), { frames: 4 });
      makeFrameFolder(path.join(work, 'small'), { frames: 1, width: 32, height: 24 });
      writeFileSync(path.join(folder, '002.png'), readFileSync(path.join(work, 'small', '000.png')));
    },
  },
  {
    name: 'a video wider than the limit',
    code: DataErrorCode.ResolutionTooLarge,
    build: (root) => {
      makeVideo(path.join(root, 'test', 'bike.mp4'), { frames: 3, width: 320, height: 48 });
      return { limits: { maxWidth: 256 } };
    },
  },
  {
    name: 'a frame folder with more frames than the limit',
    code: DataErrorCode.TooManyFrames,
    build: (root) => {
      makeFrameFolder(path.join(root, 'test', 'bike'), { frames: 12 });
      return { limits: { maxFrames: 10 } };
    },
  },
  {
    name: 'a labels .npy holding NaN',
    code: DataErrorCode.LabelsInvalid,
    build: (root, work) => {
      goodTestVideo(root);
      const file = path.join(work, 'labels.npy');
      writeFileSync(file, npyFloat64([0, 0, 1, Number.NaN, 1, 0, 0, 0, 0, 0]));
      return { labelsPath: file };
    },
  },
  {
    name: 'labels as a string instead of a list',
    code: DataErrorCode.LabelsInvalid,
    build: (root, work) => {
      goodTestVideo(root);
      const file = path.join(work, 'labels.json');
      writeFileSync(file, JSON.stringify({ bike: '0001111000' }));
      return { labelsPath: file };
    },
  },
  {
    name: 'labels with strings among the numbers',
    code: DataErrorCode.LabelsInvalid,
    build: (root, work) => {
      goodTestVideo(root);
      const file = path.join(work, 'labels.json');
      writeFileSync(file, JSON.stringify({ bike: ['0', 0, 0, 1, 1, 1, 1, 0, 0, 0] }));
      return { labelsPath: file };
    },
  },
  {
    name: 'labels one frame short',
    code: DataErrorCode.LabelLengthMismatch,
    build: (root, work) => {
      goodTestVideo(root);
      const file = path.join(work, 'labels.json');
      writeFileSync(file, JSON.stringify({ bike: new Array(TEST_FRAMES - 1).fill(0) }));
      return { labelsPath: file };
    },
  },
  {
    name: 'pixel masks of another size than the video',
    code: DataErrorCode.MaskSizeMismatch,
    build: (root, work) => {
      goodTestVideo(root);
      makeMaskFolder(path.join(work, 'masks', 'bike'), { frames: TEST_FRAMES, width: 32, height: 24, abnormal: [3] });
      return { masksPath: path.join(work, 'masks') };
    },
  },
];

describe('importing a data set with a hostile file', () => {
  let work: string;
  let tmp: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'vad-hostile-'));
    // a temporary folder of our own (Jest's process.env does not reach os.tmpdir, so it is stubbed), so that
    // any temporary file the decoders leave shows up, and other processes' files in /tmp do not
    tmp = path.join(work, 'tmp');
    mkdirSync(tmp);
    jest.spyOn(os, 'tmpdir').mockReturnValue(tmp);
  });
  afterAll(() => {
    jest.restoreAllMocks();
    rmSync(work, { recursive: true, force: true });
  });

  it("sends the decoders' temporary files to the private folder, so that leftovers would show", async () => {
    const root = path.join(work, 'frames-only');
    makeFrameFolder(path.join(root, 'train', 'walk'), { frames: 3 });
    const seen: string[] = [];
    const watcher = watch(tmp, (_event, name) => name && seen.push(name));
    await importDataset(root, { format: 'folder', name: 'frames-only' });
    watcher.close();
    expect(seen.some((name) => name.startsWith('vad-concat-'))).toBe(true);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('imports the data set without the hostile file, so that each failure below is due to that file', async () => {
    const root = path.join(work, 'control');
    makeVideo(path.join(root, 'train', 'walk.mp4'), { frames: 6 });
    goodTestVideo(root);
    await expect(importDataset(root, { format: 'folder', name: 'control' })).resolves.toMatchObject({ summary: { trainVideos: 1, testVideos: 1 } });
  });

  it.each(cases.map((c, i) => [c.name, i] as const))('refuses %s with its code and leaves nothing behind', async (_name, index) => {
    const hostile = cases[index];
    const root = path.join(work, `case-${index}`, 'ds');
    const scratch = path.join(work, `case-${index}`, 'scratch');
    mkdirSync(scratch, { recursive: true });
    makeVideo(path.join(root, 'train', 'walk.mp4'), { frames: 6 });
    const options = hostile.build(root, scratch) ?? {};
    const before = snapshot(path.join(work, `case-${index}`));

    const error = await importDataset(root, { format: 'folder', name: 'hostile', ...options }).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).code).toBe(hostile.code);
    expect(snapshot(path.join(work, `case-${index}`))).toEqual(before);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
