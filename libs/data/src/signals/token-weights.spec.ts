import { DataErrorCode } from '../data.error';
import { tokenWeights } from './token-weights';

describe('tokenWeights', () => {
  it('takes the per-patch maximum per channel, averages the channels and normalises to 1', () => {
    // 4×2 image, 2 channels, patch 2 → 2 tokens.
    const g = new Float32Array(4 * 2 * 2);
    g[(0 * 4 + 1) * 2 + 0] = 6; // token 0, channel 0 max 6
    g[(1 * 4 + 0) * 2 + 1] = 2; // token 0, channel 1 max 2 → m0 = 4
    g[(1 * 4 + 3) * 2 + 0] = 12; // token 1, channel 0 max 12 → m1 = 6
    const w = tokenWeights(g, { width: 4, height: 2, channels: 2 }, 2);
    expect(w[0]).toBeCloseTo(0.4);
    expect(w[1]).toBeCloseTo(0.6);
  });

  it('gives equal weights to a still frame', () => {
    expect([...tokenWeights(new Float32Array(16), { width: 4, height: 4, channels: 1 }, 2)]).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('orders tokens row by row', () => {
    const g = new Float32Array(4 * 4);
    g[3 * 4 + 0] = 1; // bottom-left patch
    expect([...tokenWeights(g, { width: 4, height: 4, channels: 1 }, 2)]).toEqual([0, 0, 1, 0]);
  });

  it('refuses a frame size the patch size does not divide', () => {
    expect(() => tokenWeights(new Float32Array(30), { width: 6, height: 5, channels: 1 }, 2)).toThrow(
      expect.objectContaining({ code: DataErrorCode.InvalidOptions }),
    );
  });
});
