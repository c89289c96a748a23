// Records an imported data set as a new immutable version, with its videos and ground truth, in one
// transaction: a failed import leaves no rows. Re-importing identical content returns the existing version.
// Only a version nothing has used yet can be replaced, by uploads arriving together (joinUnusedWithinMs).
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
  /** The id of that version: a version replaced under the same number since (joinUnusedWithinMs) is stale too. */
  basedOnId?: string;
  /**
   * Uploads that arrive together make one version: when the version `basedOn` names has this record's format,
   * was recorded less than this long ago and nothing has used it yet (no training, inference or evaluation job
   * queued since, no model version, run or evaluation on it), it is replaced under its own number instead of
   * being followed by a new one. Undefined: always a new version.
   */
  joinUnusedWithinMs?: number;
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
    let number = record.basedOn === undefined ? (latest._max.number ?? 0) + 1 : (record.basedOn ?? 0) + 1;
    const base = await currentBase(tx, dataset.id, record);
    if (base !== null && (await isJoinable(tx, base, record))) {
      // another writer replaced or followed it meanwhile: fail like a taken number, so that the caller re-derives
      const removed = await tx.datasetVersion.deleteMany({ where: { id: base.id } });
      if (removed.count === 0) throw staleVersion(base.number);
      number = base.number;
    }
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

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

type VersionRow = NonNullable<Awaited<ReturnType<Transaction['datasetVersion']['findUnique']>>>;

/**
 * The version `record` derived its videos from, or null when it names none; a version of that number that is not
 * the one it derived from (replaced since) makes `record` stale.
 */
async function currentBase(tx: Transaction, datasetId: string, record: DatasetVersionRecord): Promise<VersionRow | null> {
  if (record.basedOn === undefined || record.basedOn === null) return null;
  const base = await tx.datasetVersion.findUnique({ where: { datasetId_number: { datasetId, number: record.basedOn } } });
  if (record.basedOnId !== undefined && base?.id !== record.basedOnId) throw staleVersion(record.basedOn);
  return base;
}

/** Whether `record` may replace `base` (see joinUnusedWithinMs). */
async function isJoinable(tx: Transaction, base: VersionRow, record: DatasetVersionRecord): Promise<boolean> {
  if (record.joinUnusedWithinMs === undefined || base.format !== record.format || base.createdAt.getTime() < Date.now() - record.joinUnusedWithinMs)
    return false;
  // one query after another: a transaction's queries share one connection
  const used =
    (await tx.evaluation.count({ where: { datasetVersionId: base.id } })) +
    (await tx.modelVersion.count({ where: { datasetVersionId: base.id } })) +
    (await tx.inferenceRun.count({ where: { video: { datasetVersionId: base.id } } })) +
    // jobs name versions and videos in their parameters: any job but an import queued since the version was made may use it
    (await tx.job.count({ where: { teamId: record.teamId, kind: { not: 'IMPORT' }, createdAt: { gte: base.createdAt } } }));
  return used === 0;
}

/** Fails like a taken version number (P2002), so that the caller re-derives its videos and tries again. */
function staleVersion(number: number): Error {
  return Object.assign(new Error(`version ${number} changed meanwhile`), { code: 'P2002' });
}
