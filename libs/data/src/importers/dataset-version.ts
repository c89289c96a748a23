// The version of an imported data set: a hash of what defines it (each video's content, name, split
// and ground truth), independent of where the files are and of the order they were found in.
import { createHash } from 'node:crypto';
import type { ImportedVideo } from './imported-dataset';

export const DATASET_VERSION_LENGTH = 24;

export function datasetVersion(videos: readonly ImportedVideo[], anomalySources: readonly ImportedVideo[] = []): string {
  const describe = (role: string) => (v: ImportedVideo) =>
    [role, v.split, v.name, v.checksum, v.frameCount, v.frameLabels?.join('') ?? '-', v.masksChecksum ?? '-'].join('|');
  const lines = [...videos.map(describe('video')), ...anomalySources.map(describe('anomaly-source'))].sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, DATASET_VERSION_LENGTH);
}
