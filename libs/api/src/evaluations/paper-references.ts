// Published results of the method (Ristea et al., CVPR 2024, Tables 1 and 6; docs/method.md §8), shown beside a
// data set's leaderboard for reference. Fractions, like every metric the platform stores.
export interface ReferenceResult {
  source: string;
  microAuc: number | null;
  macroAuc: number | null;
  rbdc: number | null;
  tbdc: number | null;
  framesPerSecond: number | null;
}

const SOURCE = 'Ristea et al., CVPR 2024 (paper; RTX 3090, model only)';

const published: Record<string, Omit<ReferenceResult, 'source'>> = {
  avenue: { microAuc: 0.913, macroAuc: 0.909, rbdc: 0.4677, tbdc: 0.6658, framesPerSecond: 1655 },
  shanghaitech: { microAuc: 0.791, macroAuc: 0.847, rbdc: 0.2642, tbdc: 0.6667, framesPerSecond: 1655 },
  ubnormal: { microAuc: 0.585, macroAuc: 0.814, rbdc: 0.2358, tbdc: 0.5036, framesPerSecond: 1655 },
  ped2: { microAuc: 0.954, macroAuc: 0.984, rbdc: null, tbdc: null, framesPerSecond: 1655 },
};

/** Test videos of each benchmark's test split: the published figures are over all of them. */
const TEST_VIDEOS: Record<string, number> = { avenue: 21, shanghaitech: 107, ubnormal: 211, ped2: 12 };

/**
 * Which published benchmark a data set is, from its name or importer format, when its version holds the
 * benchmark's whole test split (a part of it would not compare); unknown data sets have none.
 */
export function paperReferences(datasetName: string, format: string | undefined, testVideos: number | undefined): ReferenceResult[] {
  const name = datasetName.toLowerCase().replace(/[^a-z0-9]/g, '');
  const key = name.includes('ped2')
    ? 'ped2'
    : name.includes('avenue') || format === 'avenue'
      ? 'avenue'
      : name.includes('shanghai') || format === 'shanghaitech'
        ? 'shanghaitech'
        : name.includes('ubnormal') || format === 'ubnormal'
          ? 'ubnormal'
          : undefined;
  return key && testVideos === TEST_VIDEOS[key] ? [{ source: SOURCE, ...published[key] }] : [];
}
