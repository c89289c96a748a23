import { readDatasetSummary } from './dataset-summary';

describe('readDatasetSummary', () => {
  it('reads the known fields', () => {
    expect(readDatasetSummary({ trainVideos: 16, testVideos: 12, testFrames: 2010, hasPixelMasks: true, extra: 'x' })).toEqual({
      trainVideos: 16,
      testVideos: 12,
      testFrames: 2010,
      hasPixelMasks: true,
    });
  });

  it('drops malformed values and tolerates no summary', () => {
    expect(readDatasetSummary({ trainVideos: '16', testFrames: Number.NaN })).toEqual({});
    expect(readDatasetSummary(null)).toEqual({});
  });
});
