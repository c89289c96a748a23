import { mapFrameSummary } from './map-frame-summary';
import type { RunMapVolume } from './run-map-volume';

describe('mapFrameSummary', () => {
  // 4×3 cells; frame 1 has two separate bright blobs
  const volume: RunMapVolume = {
    width: 4,
    height: 3,
    low: 0,
    high: 9,
    scale: 'standardised',
    frames: [
      { width: 4, height: 3, data: Float32Array.from([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]) },
      { width: 4, height: 3, data: Float32Array.from([5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9]) },
    ],
  };

  it("gives the ramp's ends, the frame's peak and the boxes of cells at or above the threshold", () => {
    expect(mapFrameSummary(volume, 1, 5)).toEqual({
      width: 4,
      height: 3,
      low: 0,
      high: 9,
      scale: 'standardised',
      peak: 9,
      regions: [
        { x0: 0, y0: 0, x1: 1, y1: 0, peak: 6 },
        { x0: 3, y0: 2, x1: 3, y1: 2, peak: 9 },
      ],
    });
  });

  it('has no regions without a threshold or when the frame stays below it', () => {
    expect(mapFrameSummary(volume, 1, null).regions).toEqual([]);
    expect(mapFrameSummary(volume, 0, 2)).toMatchObject({ peak: 1, regions: [] });
    expect(mapFrameSummary(volume, 1, 9.5).regions).toEqual([]);
  });
});
