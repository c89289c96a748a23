import fc from 'fast-check';
import { abnormalIntervals, labelsFromIntervals } from './abnormal-intervals';

describe('abnormal intervals', () => {
  it('finds inclusive runs of abnormal frames, including at both ends', () => {
    expect(abnormalIntervals([1, 1, 0, 0, 1, 0, 1, 1])).toEqual([
      [0, 1],
      [4, 4],
      [6, 7],
    ]);
    expect(abnormalIntervals([0, 0])).toEqual([]);
  });

  it('round-trips any labelling', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 1, maxLength: 200 }), (labels) => {
        expect(labelsFromIntervals(abnormalIntervals(labels), labels.length)).toEqual(labels);
      }),
    );
  });

  it('rejects intervals outside the video', () => {
    expect(() => labelsFromIntervals([[3, 10]], 10)).toThrow('interval [3, 10] is not within frames 0..9');
    expect(() => labelsFromIntervals([[5, 2]], 10)).toThrow(RangeError);
  });
});
