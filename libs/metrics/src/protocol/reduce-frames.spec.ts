import { reduceFrames } from './reduce-frames';

describe('reduceFrames', () => {
  const maps = [
    { width: 2, height: 2, data: Float32Array.of(0, 1, 2, 5) },
    { width: 2, height: 2, data: Float32Array.of(-1, -3, -2, -2) },
  ];

  it('takes the max of each frame (paper)', () => {
    expect(Array.from(reduceFrames(maps, 'max'))).toEqual([5, -1]);
  });

  it('takes the mean of each frame (reference code)', () => {
    expect(Array.from(reduceFrames(maps, 'mean'))).toEqual([2, -2]);
  });
});
