// Writes the token maps of one video's scored frames into libs/data's anomaly-map file: the input of
// every protocol's pixel stages, of the region metrics and of the API's map route.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { AnomalyMapWriter, type MapName } from '@vad/data';
import type { FrameScore } from '@vad/model';
import { storedMapsOf } from './run-components';

export async function writeAnomalyMaps(file: string, scores: readonly FrameScore[]): Promise<void> {
  if (scores.length === 0) throw new Error(`no scored frames to write to ${file}`);
  const { width, height, frameChannels } = scores[0].maps;
  await mkdir(path.dirname(file), { recursive: true });
  const maps = Object.keys(storedMapsOf(scores[0])) as MapName[];
  const writer = await AnomalyMapWriter.create(file, { width, height, frameChannels, maps });
  try {
    for (const score of scores) await writer.append(storedMapsOf(score));
    await writer.finish();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
