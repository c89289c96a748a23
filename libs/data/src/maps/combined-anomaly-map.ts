// The pixel map the platform shows and scores regions on: α·teacher error + β·discrepancy of one frame,
// with the protocol's weights (the classifier has no pixels). A run that kept no discrepancy maps
// contributes α·teacher error alone.
import { readAnomalyMap, type AnomalyMapHeader } from './anomaly-map-file';

export interface PixelMapWeights {
  teacherError: number;
  discrepancy: number;
}

export interface CombinedAnomalyMap {
  header: AnomalyMapHeader;
  /** α·teacher + β·discrepancy per pixel, on the file's byte scale. */
  values: Float32Array;
  /** α, plus β where the file has discrepancy maps: what a weighted mean of the components divides by. */
  weightSum: number;
}

export async function readCombinedAnomalyMap(file: string, frame: number, weights: PixelMapWeights): Promise<CombinedAnomalyMap> {
  const { header, map: teacher } = await readAnomalyMap(file, frame, 'teacherError');
  const discrepancy = header.components.includes('discrepancy') ? (await readAnomalyMap(file, frame, 'discrepancy')).map : null;
  const values = new Float32Array(teacher.length);
  for (let i = 0; i < values.length; i++) values[i] = weights.teacherError * teacher[i] + (discrepancy === null ? 0 : weights.discrepancy * discrepancy[i]);
  return { header, values, weightSum: weights.teacherError + (discrepancy === null ? 0 : weights.discrepancy) };
}
