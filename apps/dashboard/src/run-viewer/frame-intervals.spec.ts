import { intervalsAtOrAbove, labelsToIntervals, runsWhere } from './frame-intervals';

describe('labelsToIntervals', () => {
  it('turns runs of 1s into inclusive intervals, including runs at both ends', () => {
    expect(labelsToIntervals([1, 1, 0, 0, 1, 0, 1, 1])).toEqual([
      [0, 1],
      [4, 4],
      [6, 7],
    ]);
  });

  it('gives no interval for a normal video', () => {
    expect(labelsToIntervals([0, 0, 0])).toEqual([]);
    expect(labelsToIntervals([])).toEqual([]);
  });
});

describe('intervalsAtOrAbove', () => {
  it('flags frames whose score reaches the threshold, equal included', () => {
    expect(intervalsAtOrAbove([0.1, 0.5, 0.7, 0.2, 0.5], 0.5)).toEqual([
      [1, 2],
      [4, 4],
    ]);
  });

  it('flags nothing above the highest score', () => {
    expect(intervalsAtOrAbove([0.1, 0.2], 0.3)).toEqual([]);
  });
});

describe('runsWhere', () => {
  it('covers the whole range when every index is on', () => {
    expect(runsWhere(3, () => true)).toEqual([[0, 2]]);
  });
});
