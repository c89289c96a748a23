import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { grayPng, makeFrameFolder, makeMaskFolder, makeVideo } from '../../test/media-fixtures';
import { DataError, DataErrorCode } from '../data.error';
import { importDataset, parseDatasetFormat } from './import-dataset';

/** A small `folder`-format data set: two training videos (one a frame folder), one labelled, masked test video. */
function makeFolderDataset(root: string): void {
  makeVideo(path.join(root, 'train', 'walk.mp4'), { frames: 8 });
  makeFrameFolder(path.join(root, 'train', 'frames-clip'), { frames: 6 });
  makeVideo(path.join(root, 'test', 'bike.mp4'), { frames: 10 });
  writeFileSync(path.join(root, 'labels.json'), JSON.stringify({ bike: [0, 0, 0, 1, 1, 1, 1, 0, 0, 0] }));
  makeMaskFolder(path.join(root, 'masks', 'bike'), { frames: 10, width: 64, height: 48, abnormal: [3, 4, 5, 6] });
}

async function failure(run: () => Promise<unknown>): Promise<DataError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected a DataError');
}

const listTree = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? [e.name + '/', ...listTree(path.join(dir, e.name)).map((c) => `${e.name}/${c}`)] : [e.name],
  );

describe('importDataset (folder format)', () => {
  let dir: string;
  let root: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vad-import-'));
    root = path.join(dir, 'ds');
    makeFolderDataset(root);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports videos, frame folders, shipped labels and masks into one summary', async () => {
    const dataset = await importDataset(root, { format: 'folder', name: 'demo' });
    expect(dataset.summary).toMatchObject({
      format: 'folder',
      name: 'demo',
      trainVideos: 2,
      testVideos: 1,
      trainFrames: 14,
      testFrames: 10,
      abnormalTestFrames: 4,
      hasPixelMasks: true,
      pixelMaskedTestVideos: 1,
      warnings: [],
    });
    expect(dataset.summary.datasetVersion).toMatch(/^[0-9a-f]{24}$/);
    const bike = dataset.videos.find((v) => v.name === 'bike');
    expect(bike).toMatchObject({ split: 'test', sourceKind: 'video-file', codec: 'h264', frameCount: 10, width: 64, height: 48, maskFormat: 'image-folder' });
    expect(bike?.masksPath).toBe(path.join(root, 'masks', 'bike'));
    expect(dataset.videos.find((v) => v.name === 'frames-clip')).toMatchObject({
      sourceKind: 'frame-folder',
      frameCount: 6,
      sourcePath: path.join(root, 'train', 'frames-clip'),
    });
  });

  it('reports each inspected video, counting up to the total', async () => {
    const reports: { name: string; done: number; total: number }[] = [];
    await importDataset(root, { format: 'folder', concurrency: 1, onVideoInspected: (progress) => reports.push(progress) });
    expect(reports.map((r) => [r.done, r.total])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(reports.map((r) => r.name).sort()).toEqual(['bike', 'frames-clip', 'walk']);
  });

  it('gives the same version on re-import and a new one when the ground truth changes', async () => {
    const first = await importDataset(root, { format: 'folder', verifyDecode: false });
    const again = await importDataset(root, { format: 'folder', verifyDecode: false });
    expect(again.summary.datasetVersion).toBe(first.summary.datasetVersion);
    const intervals = path.join(dir, 'intervals.json');
    writeFileSync(intervals, JSON.stringify({ bike: [[2, 6]] }));
    const relabelled = await importDataset(root, { format: 'folder', verifyDecode: false, labelsPath: intervals });
    expect(relabelled.summary.abnormalTestFrames).toBe(5);
    expect(relabelled.summary.datasetVersion).not.toBe(first.summary.datasetVersion);
  });

  it('derives frame labels from the masks when there is no label file, and warns when nothing labels a video', async () => {
    const copy = path.join(dir, 'no-labels');
    makeVideo(path.join(copy, 'train', 'a.mp4'), { frames: 4 });
    makeVideo(path.join(copy, 'test', 'b.mp4'), { frames: 5 });
    makeVideo(path.join(copy, 'test', 'c.mp4'), { frames: 3 });
    makeMaskFolder(path.join(copy, 'masks', 'b'), { frames: 5, width: 64, height: 48, abnormal: [2] });
    const dataset = await importDataset(copy, { format: 'folder', verifyDecode: false });
    expect(dataset.videos.find((v) => v.name === 'b')?.frameLabels).toEqual([0, 0, 1, 0, 0]);
    expect(dataset.summary).toMatchObject({ abnormalTestFrames: 1, labelledTestVideos: 1 });
    expect(dataset.summary.warnings.join(' ')).toMatch(/no frame labels \(c\)/);
  });

  it('follows symbolic links to folders and videos', async () => {
    const linked = path.join(dir, 'linked');
    mkdirSync(path.join(linked, 'test'), { recursive: true });
    symlinkSync(path.join(root, 'train'), path.join(linked, 'train'));
    symlinkSync(path.join(root, 'test', 'bike.mp4'), path.join(linked, 'test', 'bike.mp4'));
    const dataset = await importDataset(linked, { format: 'folder', verifyDecode: false });
    expect(dataset.summary).toMatchObject({ trainVideos: 2, testVideos: 1, trainFrames: 14 });
  });

  describe('refuses bad input with a clear error and leaves nothing behind', () => {
    const cases: Array<[string, (ds: string) => void, DataErrorCode, RegExp]> = [
      [
        'a label file whose length differs from the frame count',
        (ds) => writeFileSync(path.join(ds, 'labels.json'), JSON.stringify({ bike: [0, 1] })),
        DataErrorCode.LabelLengthMismatch,
        /labels\.json: video "bike" has 2 labels but 10 frames/,
      ],
      [
        'a mask of the wrong size',
        (ds) =>
          writeFileSync(
            path.join(ds, 'masks', 'bike', '004.png'),
            grayPng(32, 48, () => 0),
          ),
        DataErrorCode.MaskSizeMismatch,
        /004\.png is 32×48 but video "bike" is 64×48/,
      ],
      [
        'a missing mask',
        (ds) => rmSync(path.join(ds, 'masks', 'bike', '009.png')),
        DataErrorCode.MaskCountMismatch,
        /holds 9 masks but video "bike" has 10 frames/,
      ],
      ['random bytes named .mp4', (ds) => writeFileSync(path.join(ds, 'train', 'noise.mp4'), Buffer.alloc(2048, 7)), DataErrorCode.CorruptVideo, /noise\.mp4/],
      [
        'a truncated video',
        (ds) => {
          const file = makeVideo(path.join(ds, 'train', 'cut.mp4'), {
            frames: 40,
            width: 160,
            height: 120,
            codecArgs: ['-c:v', 'libx264', '-preset', 'ultrafast', '-movflags', '+faststart'],
          });
          writeFileSync(file, readFileSync(file).subarray(0, Math.floor(readFileSync(file).length * 0.6)));
        },
        DataErrorCode.TruncatedVideo,
        /cut\.mp4 is truncated/,
      ],
      ['a zero-frame video', (ds) => makeVideo(path.join(ds, 'test', 'empty.mp4'), { frames: 0 }), DataErrorCode.ZeroFrames, /empty\.mp4/],
      [
        'labels for a video that does not exist',
        (ds) => writeFileSync(path.join(ds, 'labels.json'), JSON.stringify({ bike: new Array(10).fill(0), bicycle: [0] })),
        DataErrorCode.LabelsUnknownVideo,
        /"bicycle" matches no test video/,
      ],
      [
        'a video and a frame folder with one name',
        (ds) => copyFileSync(path.join(ds, 'train', 'walk.mp4'), path.join(ds, 'train', 'frames-clip.mkv')),
        DataErrorCode.DuplicateVideoName,
        /frames-clip/,
      ],
    ];
    it.each(cases)('%s', async (_label, spoil, code, message) => {
      const ds = path.join(dir, `bad-${code}-${Math.random().toString(36).slice(2)}`);
      makeFolderDataset(ds);
      spoil(ds);
      const before = listTree(ds);
      const tmpBefore = readdirSync(os.tmpdir()).filter((n) => n.startsWith('vad-concat-')).length;
      const error = await failure(() => importDataset(ds, { format: 'folder' }));
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(listTree(ds)).toEqual(before);
      expect(readdirSync(os.tmpdir()).filter((n) => n.startsWith('vad-concat-')).length).toBe(tmpBefore);
    });
  });

  it('refuses a missing folder, a folder without the layout and an empty layout', async () => {
    expect((await failure(() => importDataset(path.join(dir, 'nope'), { format: 'folder' }))).code).toBe(DataErrorCode.SourceNotFound);
    mkdirSync(path.join(dir, 'plain'));
    expect((await failure(() => importDataset(path.join(dir, 'plain'), { format: 'folder' }))).code).toBe(DataErrorCode.LayoutNotRecognised);
    mkdirSync(path.join(dir, 'hollow', 'train'), { recursive: true });
    expect((await failure(() => importDataset(path.join(dir, 'hollow'), { format: 'folder' }))).code).toBe(DataErrorCode.NoVideos);
  });

  it('refuses a --masks folder that matches no test video', async () => {
    mkdirSync(path.join(dir, 'other-masks', 'zzz'), { recursive: true });
    const error = await failure(() => importDataset(root, { format: 'folder', verifyDecode: false, masksPath: path.join(dir, 'other-masks') }));
    expect(error.code).toBe(DataErrorCode.MasksNotFound);
  });
});

describe('parseDatasetFormat', () => {
  it('accepts the five formats and refuses others', () => {
    expect(parseDatasetFormat('UCSD')).toBe('ucsd');
    expect(() => parseDatasetFormat('kinetics')).toThrow(/unknown data set format "kinetics"/);
  });
});
