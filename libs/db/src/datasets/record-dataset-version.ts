// Records an imported data set as a new immutable version, with its videos and ground truth, in one
// transaction: a failed import leaves no rows. Re-importing identical content returns the existing version.
import type { PrismaClient } from '../generated/prisma/client';

export interface VideoRecord {
  name: string;
  split: 'train' | 'test';
  /** Where the video's file or frame folder lives (absolute path, or a storage key). */
  path: string;
  codec?: string | null;
  fps?: number | null;
  frameCount: number;
  width: number;
  height: number;
  sizeBytes: number;
  checksum: string;
  frameLabels?: number[];
  masksPath?: string;
  maskFormat?: string;
  maskFrameIndices?: number[];
}

export interface DatasetVersionRecord {
  teamId: string;
  datasetName: string;
  format: string;
  contentHash: string;
  summary: object;
  videos: VideoRecord[];
  /**
   * The version these videos were derived from (null: none). When given, the new version must be the very next
   * one: if another writer got there first the unique key fails (P2002) and the caller re-derives and retries,
   * instead of silently dropping that writer's change.
   */
  basedOn?: number | null;
}

export interface RecordedDatasetVersion {
  datasetId: string;
  datasetVersionId: string;
  number: number;
  /** false when this content was already recorded as a version of the data set */
  created: boolean;
}

export async function recordDatasetVersion(prisma: PrismaClient, record: DatasetVersionRecord): Promise<RecordedDatasetVersion> {
  return prisma.$transaction(async (tx) => {
    const dataset = await tx.dataset.upsert({
      where: { teamId_name: { teamId: record.teamId, name: record.datasetName } },
      create: { teamId: record.teamId, name: record.datasetName },
      update: {},
    });
    const existing = await tx.datasetVersion.findUnique({
      where: { datasetId_contentHash: { datasetId: dataset.id, contentHash: record.contentHash } },
    });
    if (existing) return { datasetId: dataset.id, datasetVersionId: existing.id, number: existing.number, created: false };
    const latest = await tx.datasetVersion.aggregate({ where: { datasetId: dataset.id }, _max: { number: true } });
    const number = record.basedOn === undefined ? (latest._max.number ?? 0) + 1 : (record.basedOn ?? 0) + 1;
    const version = await tx.datasetVersion.create({
      data: {
        datasetId: dataset.id,
        number,
        contentHash: record.contentHash,
        format: record.format,
        summary: record.summary,
      },
    });
    for (const video of record.videos) {
      await tx.video.create({
        data: {
          datasetVersionId: version.id,
          name: video.name,
          split: video.split === 'train' ? 'TRAIN' : 'TEST',
          path: video.path,
          codec: video.codec ?? null,
          fps: video.fps ?? null,
          frameCount: video.frameCount,
          width: video.width,
          height: video.height,
          sizeBytes: BigInt(video.sizeBytes),
          checksum: video.checksum,
          status: 'READY',
          groundTruth:
            video.frameLabels || video.masksPath
              ? {
                  create: {
                    frameLabels: video.frameLabels ?? [],
                    masksPath: video.masksPath ?? null,
                    maskFormat: video.maskFormat ?? null,
                    maskFrameIndices: video.maskFrameIndices ?? [],
                  },
                }
              : undefined,
        },
      });
    }
    return { datasetId: dataset.id, datasetVersionId: version.id, number: version.number, created: true };
  });
}
