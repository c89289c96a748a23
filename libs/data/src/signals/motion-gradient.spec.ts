import { boostGradient, motionFramePair, motionGradient } from './motion-gradient';

describe('motion gradients', () => {
  const shape = { width: 6, height: 6, channels: 1 };
  const frameWith = (pixels: Array<[number, number]>, value = 200) => {
    const f = new Uint8Array(36);
    for (const [x, y] of pixels) f[y * 6 + x] = value;
    return f;
  };
  const block = (x0: number) => [0, 1, 2].flatMap((dy) => [0, 1, 2].map((dx): [number, number] => [x0 + dx, 2 + dy]));

  it('paper mode ignores single-pixel noise thanks to the median filter; reference-code mode does not', () => {
    const a = frameWith([]);
    const b = frameWith([[3, 3]]);
    expect(Math.max(...motionGradient('paper', a, b, shape))).toBe(0);
    expect(Math.max(...motionGradient('reference-code', a, b, shape))).toBe(200);
  });

  it('is the absolute difference, so a moving block lights up where it left and where it arrived', () => {
    const g = motionGradient('reference-code', frameWith(block(0)), frameWith(block(3)), shape);
    expect(g[2 * 6 + 0]).toBe(200);
    expect(g[2 * 6 + 5]).toBe(200);
    expect(g[0]).toBe(0);
  });

  it('pairs frames as the paper (t−1, t) and the code (t−1, t+1) do, also at the video ends', () => {
    expect(motionFramePair('paper', 5, 10)).toEqual([4, 5]);
    expect(motionFramePair('paper', 0, 10)).toEqual([0, 1]);
    expect(motionFramePair('reference-code', 5, 10)).toEqual([4, 6]);
    expect(motionFramePair('reference-code', 0, 10)).toEqual([0, 1]);
    expect(motionFramePair('reference-code', 9, 10)).toEqual([8, 9]);
  });

  it('adds the boosted anomaly map on every channel', () => {
    const g = new Float32Array(2 * 3).fill(1);
    boostGradient(g, Uint8Array.from([0, 1]), 3, 128);
    expect([...g]).toEqual([1, 1, 1, 129, 129, 129]);
  });
});
