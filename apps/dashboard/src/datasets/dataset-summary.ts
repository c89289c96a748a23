// A data set version's `summary` JSON read into typed fields; anything missing or malformed stays undefined.
export interface DatasetSummary {
  trainVideos?: number;
  testVideos?: number;
  trainFrames?: number;
  testFrames?: number;
  abnormalTestFrames?: number;
  hasPixelMasks?: boolean;
}

const NUMBER_FIELDS = ['trainVideos', 'testVideos', 'trainFrames', 'testFrames', 'abnormalTestFrames'] as const;

export function readDatasetSummary(summary: unknown): DatasetSummary {
  if (typeof summary !== 'object' || summary === null) return {};
  const source = summary as Record<string, unknown>;
  const result: DatasetSummary = {};
  for (const field of NUMBER_FIELDS) {
    const value = source[field];
    if (typeof value === 'number' && Number.isFinite(value)) result[field] = value;
  }
  if (typeof source.hasPixelMasks === 'boolean') result.hasPixelMasks = source.hasPixelMasks;
  return result;
}
