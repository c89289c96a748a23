import { parseUcsdGroundTruth } from './ucsd-m-file';

describe('parseUcsdGroundTruth', () => {
  it('reads one list of 0-based intervals per test video, including multi-range lines', () => {
    const text = [
      'TestVideoFile = {};',
      'TestVideoFile{end+1}.gt_frame = [61:180];',
      '% a comment',
      'TestVideoFile{end+1}.gt_frame = [5:90, 140:200];',
      'TestVideoFile{end+1}.gt_frame = [7];',
    ].join('\n');
    expect(parseUcsdGroundTruth(text, 'UCSDped2.m')).toEqual([
      [[60, 179]],
      [
        [4, 89],
        [139, 199],
      ],
      [[6, 6]],
    ]);
  });

  it('refuses a file without ground truth or with an unreadable range', () => {
    expect(() => parseUcsdGroundTruth('x = 1;', 'a.m')).toThrow(/a\.m contains no/);
    expect(() => parseUcsdGroundTruth('TestVideoFile{end+1}.gt_frame = [9:x];', 'b.m')).toThrow(/b\.m.*"9:x"/);
    expect(() => parseUcsdGroundTruth('TestVideoFile{end+1}.gt_frame = [0:4];', 'c.m')).toThrow(/before frame 1/);
  });
});
