import { connectedRegions, cutBox, dilate3x3, erode3x3, fillHoles, toGray } from './binary-regions';

const grid = (rows: string[]) =>
  Uint8Array.from(
    rows
      .join('')
      .split('')
      .map((c) => (c === '#' ? 1 : 0)),
  );
const show = (mask: Uint8Array, width: number) =>
  Array.from({ length: mask.length / width }, (_, y) => [...mask.subarray(y * width, (y + 1) * width)].map((v) => (v ? '#' : '.')).join(''));

describe('binary regions', () => {
  it('finds 8-connected components with their boxes and hole-filled masks', () => {
    const mask = grid(['###.....', '#.#...#.', '###..#..', '........']);
    const regions = connectedRegions(mask, 8, 4);
    expect(regions.map(({ x, y, width, height, area }) => ({ x, y, width, height, area }))).toEqual([
      { x: 0, y: 0, width: 3, height: 3, area: 8 },
      { x: 5, y: 1, width: 2, height: 2, area: 2 },
    ]);
    expect(show(regions[0].mask, 3)).toEqual(['###', '###', '###']);
  });

  it('dilates and erodes by one pixel, and erosion undoes dilation of a solid block', () => {
    const block = grid(['.....', '.....', '..#..', '.....', '.....']);
    const grown = dilate3x3(block, 5, 5);
    expect(show(grown, 5)).toEqual(['.....', '.###.', '.###.', '.###.', '.....']);
    expect(show(erode3x3(grown, 5, 5), 5)).toEqual(show(block, 5));
  });

  it('fills only holes that do not reach the border', () => {
    expect(show(fillHoles(grid(['#####', '#...#', '#####', '#...#']), 5, 4), 5)).toEqual(['#####', '#####', '#####', '#...#']);
  });

  it('cuts boxes and converts RGB to gray luma', () => {
    const image = Uint8Array.from({ length: 12 }, (_, i) => i);
    expect([...cutBox(image, 4, { x: 1, y: 1, width: 2, height: 2 })]).toEqual([5, 6, 9, 10]);
    expect([...toGray(Uint8Array.from([255, 0, 0, 0, 0, 255]), 3)]).toEqual([76, 29]);
  });
});
