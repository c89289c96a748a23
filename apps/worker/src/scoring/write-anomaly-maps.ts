// Writes the pixel maps of one video's scored frames into libs/data's anomaly-map file (the one format
// read by the API's map route), or nothing when the frames carry no maps.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { AnomalyMapWriter } from '@vad/data';
import type { FrameScore } from '@vad/model';

export async function writeAnomalyMaps(file: string, scores: readonly FrameScore[]): Promise<boolean> {
  const first = scores[0]?.maps;
  if (!first) return false;
  await mkdir(path.dirname(file), { recursive: true });
  const writer = await AnomalyMapWriter.create(file, {
    width: first.width,
    height: first.height,
    scale: first.scale,
    components: first.discrepancy ? ['teacherError', 'discrepancy'] : ['teacherError'],
  });
  try {
    for (const score of scores) {
      const maps = score.maps as NonNullable<FrameScore['maps']>;
      await writer.append({ teacherError: maps.teacherError, discrepancy: maps.discrepancy });
    }
    await writer.finish();
    return true;
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
