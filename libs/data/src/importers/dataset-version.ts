// The version of an imported data set: a hash of what defines it (each video's content, name, split
// and ground truth), independent of where the files are and of the order they were found in.
import { createHash } from 'node:crypto';
import type { ImportedVideo } from './imported-dataset';

export const DATASET_VERSION_LENGTH = 24;

/** What defines a video for its data set's version. */
export type VersionedVideo = Pick<ImportedVideo, 'split' | 'name' | 'checksum' | 'frameCount'> & Partial<Pick<ImportedVideo, 'frameLabels' | 'masksChecksum'>>;

/** The one content hash of a data set, for folder imports and uploads alike. */
export function datasetVersion(videos: readonly VersionedVideo[], anomalySources: readonly VersionedVideo[] = []): string {
  const describe = (role: string) => (v: VersionedVideo) =>
    [role, v.split, v.name, v.checksum, v.frameCount, v.frameLabels?.join('') ?? '-', v.masksChecksum ?? '-'].join('|');
  const lines = [...videos.map(describe('video')), ...anomalySources.map(describe('anomaly-source'))].sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, DATASET_VERSION_LENGTH);
}
