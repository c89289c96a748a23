import { mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataErrorCode } from '../data.error';
import { parseLabelJson, readLabelSource, resolveFrameLabels } from './frame-labels';

const fixture = (name: string) => path.resolve(__dirname, '../../test/fixtures', name);
const videos = [
  { name: '01', frameCount: 5 },
  { name: '02', frameCount: 3 },
];

describe('frame labels', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'vad-labels-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('resolves per-frame JSON labels and abnormal intervals', () => {
    const source = parseLabelJson('{"01": [0,0,1,1,0], "02": [[1, 2]]}', 'l.json');
    expect(Object.fromEntries(resolveFrameLabels(source, videos))).toEqual({ '01': [0, 0, 1, 1, 0], '02': [0, 1, 1] });
  });

  it('matches keys spelled differently from the video names', () => {
    const source = parseLabelJson('{"Test001": [], "Test002": [1,1,1]}', 'l.json');
    expect(resolveFrameLabels(source, videos).get('01')).toEqual([0, 0, 0, 0, 0]);
  });

  it('refuses labels whose length differs from the frame count, naming file and video', () => {
    const source = parseLabelJson('{"01": [0,0,1,1], "02": [0,0,0]}', '/data/labels.json');
    expect(() => resolveFrameLabels(source, videos)).toThrow(expect.objectContaining({ code: DataErrorCode.LabelLengthMismatch }));
    expect(() => resolveFrameLabels(source, videos)).toThrow('/data/labels.json: video "01" has 4 labels but 5 frames');
  });

  it('refuses an interval past the last frame', () => {
    const source = parseLabelJson('{"01": [[3, 5]], "02": []}', 'l.json');
    expect(() => resolveFrameLabels(source, videos)).toThrow(expect.objectContaining({ code: DataErrorCode.LabelLengthMismatch }));
  });

  it('refuses values other than 0/1, bad intervals, malformed JSON, unknown and missing videos', () => {
    expect(() => parseLabelJson('{"01": [0, 2]}', 'l.json')).toThrow(/frame 1 has the label 2/);
    expect(() => parseLabelJson('{"01": [[5, 2]]}', 'l.json')).toThrow(/start ≤ end/);
    expect(() => parseLabelJson('{"01": [0, 1', 'l.json')).toThrow(/not valid JSON/);
    expect(() => parseLabelJson('[0, 1]', 'l.json')).toThrow(/expected an object/);
    const unknown = parseLabelJson('{"01": [], "02": [], "07": []}', 'l.json');
    expect(() => resolveFrameLabels(unknown, videos)).toThrow(expect.objectContaining({ code: DataErrorCode.LabelsUnknownVideo }));
    const missing = parseLabelJson('{"01": []}', 'l.json');
    expect(() => resolveFrameLabels(missing, videos)).toThrow(
      expect.objectContaining({ code: DataErrorCode.LabelsMissing, message: expect.stringContaining('02') }),
    );
  });

  it('splits a concatenated .npy across the test videos in order and checks its total length', async () => {
    const source = await readLabelSource(fixture('labels-int64.npy'));
    expect(
      Object.fromEntries(
        resolveFrameLabels(source, [
          { name: 'a', frameCount: 2 },
          { name: 'b', frameCount: 3 },
        ]),
      ),
    ).toEqual({ a: [0, 0], b: [1, 1, 0] });
    expect(() => resolveFrameLabels(source, videos)).toThrow(/has 5 labels but the 2 test videos have 8 frames/);
  });

  it('reads a folder of per-video .npy files (ShanghaiTech test_frame_mask)', async () => {
    const folder = path.join(dir, 'test_frame_mask');
    mkdirSync(folder);
    copyFileSync(fixture('labels-int64.npy'), path.join(folder, '01_0014.npy'));
    const source = await readLabelSource(folder);
    expect(resolveFrameLabels(source, [{ name: '01_0014', frameCount: 5 }]).get('01_0014')).toEqual([0, 0, 1, 1, 0]);
  });

  it('reads UCSD .m files in test-video order and refuses a count mismatch', async () => {
    const file = path.join(dir, 'UCSDped2.m');
    writeFileSync(file, 'TestVideoFile{end+1}.gt_frame = [2:4];\nTestVideoFile{end+1}.gt_frame = [1:1];\n');
    const source = await readLabelSource(file);
    expect(Object.fromEntries(resolveFrameLabels(source, videos))).toEqual({ '01': [0, 1, 1, 1, 0], '02': [1, 0, 0] });
    expect(() => resolveFrameLabels(source, [videos[0]])).toThrow(/ground truth for 2 test videos but there are 1/);
  });

  it('refuses a missing file and an unsupported type', async () => {
    await expect(readLabelSource(path.join(dir, 'nope.json'))).rejects.toMatchObject({ code: DataErrorCode.SourceNotFound });
    writeFileSync(path.join(dir, 'labels.xml'), '<x/>');
    await expect(readLabelSource(path.join(dir, 'labels.xml'))).rejects.toMatchObject({ code: DataErrorCode.UnsupportedFormat });
  });
});
