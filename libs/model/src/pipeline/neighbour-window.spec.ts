import { NeighbourWindow, type StackedFrame } from './neighbour-window';

const frame = (v: number) => Float32Array.of(v);
const values = (stacks: StackedFrame[]) => stacks.map((s) => [s.index, s.previous[0], s.frame[0], s.next[0]]);

describe('NeighbourWindow', () => {
  it('releases frame t with t−3 and t+3 once t+3 has arrived, and the ends with frame t as the missing neighbour', () => {
    const window = new NeighbourWindow(3);
    const out: StackedFrame[] = [];
    for (let i = 0; i < 8; i++) {
      const released = window.push(frame(10 + i));
      if (i < 3) expect(released).toEqual([]);
      out.push(...released);
    }
    out.push(...window.finish());
    expect(values(out)).toEqual([
      [0, 10, 10, 13],
      [1, 11, 11, 14],
      [2, 12, 12, 15],
      [3, 10, 13, 16],
      [4, 11, 14, 17],
      [5, 12, 15, 15],
      [6, 13, 16, 16],
      [7, 14, 17, 17],
    ]);
  });

  it('keeps only the frames still needed', () => {
    const window = new NeighbourWindow(3);
    for (let i = 0; i < 100; i++) window.push(frame(i));
    expect(window.held).toBeLessThanOrEqual(7);
  });

  it('handles a stream shorter than the offset', () => {
    const window = new NeighbourWindow(3);
    window.push(frame(1));
    window.push(frame(2));
    expect(values(window.finish())).toEqual([
      [0, 1, 1, 1],
      [1, 2, 2, 2],
    ]);
  });

  it('releases at once with offset 0', () => {
    expect(values(new NeighbourWindow(0).push(frame(5)))).toEqual([[0, 5, 5, 5]]);
  });
});
