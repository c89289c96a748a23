// IMPORT jobs: a folder already on the server (owners), or one uploaded video added to a data set.
// Either way the data is validated before anything is recorded, a new data-set version is written in one
// transaction, and an upload that fails validation is deleted: nothing half-imported remains.
import {
  datasetVersion,
  DataError,
  importDataset,
  inspectFrameSource,
  openFrameSource,
  parseDatasetFormat,
  resolveIngestLimits,
  resolveWithinRoots,
  type IngestLimits,
} from '@vad/data';
import { recordDatasetVersion, type Database, type VideoRecord } from '@vad/db';
import path from 'node:path';
import type { JobExecution, JobHandler } from '../job-handler';
import { folderImportFailure } from './folder-import-failure';
import { recordImportedDataset } from './import-dataset';
import { importParameters, parseParameters } from './job-parameters';

export interface ImportHandlerOptions {
  /**
   * Folders a server-folder import may read below (VAD_IMPORT_ROOTS), checked again here because the API's
   * check was made when the job was queued. Default: anywhere (tests and local tools).
   */
  importRoots?: readonly string[];
  /** Limits of decoded videos (uploads and folders alike); default DEFAULT_INGEST_LIMITS. */
  ingestLimits?: Partial<IngestLimits>;
  /** The server's log, where the details of failed folder imports go (default stderr). */
  log?: (line: string) => void;
}

type UploadParameters = Extract<ReturnType<typeof parseImport>, { source: 'upload' }>;
type FolderParameters = Extract<ReturnType<typeof parseImport>, { source: 'folder' }>;
const parseImport = (value: unknown) => parseParameters(importParameters, value, 'IMPORT');

/** Labels as given with an upload: one 0/1 per frame, or inclusive [start, end] intervals. */
export function uploadLabels(labels: number[] | number[][], frameCount: number, video: string): number[] {
  // [] is an empty list of intervals (a normal video), not a label list of the wrong length
  if (labels.length === 0 || Array.isArray(labels[0])) {
    const result = new Array<number>(frameCount).fill(0);
    for (const interval of labels as number[][]) {
      const [start, end] = interval;
      if (interval.length !== 2 || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end >= frameCount) {
        throw new Error(`${video}: interval [${interval.join(', ')}] is not within frames 0..${frameCount - 1}`);
      }
      result.fill(1, start, end + 1);
    }
    return result;
  }
  const flat = labels as number[];
  if (flat.length !== frameCount) throw new Error(`${video}: ${flat.length} labels for ${frameCount} frames`);
  if (flat.some((l) => l !== 0 && l !== 1)) throw new Error(`${video}: labels must be 0 or 1`);
  return flat;
}

/** The next version's videos: the latest version's, with the upload added (replacing a video of its name). */
async function withUpload(
  prisma: Database['prisma'],
  datasetId: string,
  added: VideoRecord,
): Promise<{ basedOn: number | null; basedOnId?: string; videos: VideoRecord[] }> {
  const previous = await prisma.datasetVersion.findFirst({
    where: { datasetId },
    orderBy: { number: 'desc' },
    include: { videos: { include: { groundTruth: true } } },
  });
  const kept: VideoRecord[] = (previous?.videos ?? [])
    .filter((v) => !(v.name === added.name && v.split === (added.split === 'train' ? 'TRAIN' : 'TEST')))
    .map((v) => ({
      name: v.name,
      split: v.split === 'TRAIN' ? 'train' : 'test',
      path: v.path,
      codec: v.codec,
      fps: v.fps,
      frameCount: v.frameCount,
      width: v.width,
      height: v.height,
      sizeBytes: Number(v.sizeBytes),
      checksum: v.checksum,
      frameLabels: v.groundTruth?.frameLabels.length ? v.groundTruth.frameLabels : undefined,
      masksPath: v.groundTruth?.masksPath ?? undefined,
      maskFormat: v.groundTruth?.maskFormat ?? undefined,
      maskFrameIndices: v.groundTruth?.maskFrameIndices,
    }));
  return { basedOn: previous?.number ?? null, basedOnId: previous?.id, videos: [...kept, added] };
}

function uploadSummary(name: string, videos: VideoRecord[], contentHash: string) {
  const test = videos.filter((v) => v.split === 'test');
  return {
    format: 'upload',
    name,
    trainVideos: videos.length - test.length,
    testVideos: test.length,
    trainFrames: videos.filter((v) => v.split === 'train').reduce((s, v) => s + v.frameCount, 0),
    testFrames: test.reduce((s, v) => s + v.frameCount, 0),
    abnormalTestFrames: test.reduce((s, v) => s + (v.frameLabels?.reduce((a, b) => a + b, 0) ?? 0), 0),
    hasPixelMasks: videos.some((v) => v.masksPath),
    datasetVersion: contentHash,
  };
}

/**
 * Uploads to a data set less than this far apart join one version, until something uses it (a training,
 * inference or evaluation): five videos uploaded together are v1, not v1…v5 that the leaderboard cannot compare.
 */
export const UPLOAD_BATCH_MS = 10 * 60_000;

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === 'P2002';

/** An upload's error as the team sees it: its video's name where libs/data named the file's path in storage. */
function withVideoName(error: unknown, file: string, name: string): unknown {
  if (!(error instanceof DataError)) return error;
  return new DataError(error.code, error.message.split(file).join(`the upload ${name}`), name);
}

async function importUpload(execution: JobExecution, params: UploadParameters, options: ImportHandlerOptions) {
  const prisma = execution.database.prisma;
  let recorded: Awaited<ReturnType<typeof recordDatasetVersion>>;
  let frames: number;
  try {
    const dataset = await prisma.dataset.findFirstOrThrow({ where: { id: params.datasetId, teamId: execution.teamId } });
    const inspection = await execution.storage.withLocalFile(params.storageKey, async (file) =>
      inspectFrameSource(await openFrameSource(file), { verifyDecode: true, limits: resolveIngestLimits(options.ingestLimits) }).catch((error: unknown) =>
        Promise.reject(withVideoName(error, file, params.name)),
      ),
    );
    const added: VideoRecord = {
      name: params.name,
      split: params.split,
      path: params.storageKey,
      codec: inspection.codec,
      fps: inspection.fps,
      frameCount: inspection.frameCount,
      width: inspection.width,
      height: inspection.height,
      sizeBytes: inspection.sizeBytes,
      checksum: inspection.checksum,
      frameLabels: params.labels ? uploadLabels(params.labels, inspection.frameCount, params.name) : undefined,
    };
    frames = inspection.frameCount;
    // Uploads to one data set imported at the same time by several workers race for the next version
    // number; the loser reads the new latest version and tries again, so no upload is lost.
    for (let attempt = 1; ; attempt++) {
      const { basedOn, basedOnId, videos } = await withUpload(prisma, dataset.id, added);
      const contentHash = datasetVersion(videos);
      try {
        recorded = await recordDatasetVersion(prisma, {
          teamId: execution.teamId,
          datasetName: dataset.name,
          format: 'upload',
          contentHash,
          summary: uploadSummary(dataset.name, videos, contentHash),
          videos,
          basedOn,
          basedOnId,
          joinUnusedWithinMs: UPLOAD_BATCH_MS,
        });
        break;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 20) throw error;
      }
    }
  } catch (error) {
    await execution.storage.remove(params.storageKey);
    throw error;
  }
  // Past this point the version references the file: whatever fails now must not delete it.
  await execution.log(`added ${params.split} video ${params.name} (${frames} frames) as version ${recorded.number}`);
  return { ...recorded, video: params.name, frames };
}

async function importFolder(execution: JobExecution, params: FolderParameters, options: ImportHandlerOptions) {
  const roots = options.importRoots ?? [path.parse(process.cwd()).root];
  let folder: string | null = null;
  let imported;
  try {
    folder = await resolveWithinRoots(params.path, roots);
    const [labelsPath, masksPath] = await Promise.all([params.labelsPath, params.masksPath].map((p) => (p ? resolveWithinRoots(p, roots) : undefined)));
    imported = await importDataset(folder, {
      format: parseDatasetFormat(params.format),
      name: params.datasetName,
      labelsPath,
      masksPath,
      verifyDecode: true,
      limits: options.ingestLimits,
      onVideoInspected: ({ name, done, total }) =>
        void execution.reportProgress({ stage: `checked ${name} (${done} of ${total} videos)`, fraction: done / total }).catch(() => undefined),
    });
    // what the version records must lie in the roots too: a link inside the folder could lead out of them
    for (const recorded of imported.videos.flatMap((video) => [video.sourcePath, video.masksPath ?? []].flat())) await resolveWithinRoots(recorded, roots);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    (options.log ?? ((line: string) => process.stderr.write(`vad worker: ${line}\n`)))(`import job ${execution.jobId} failed: ${error.message}`);
    throw folderImportFailure(error, folder);
  }
  const result = await recordImportedDataset(execution.database, execution.teamId, imported, params.datasetName);
  await execution.log(`imported ${params.datasetName}: version ${result.number}${result.created ? '' : ' (unchanged content)'}`);
  return { datasetId: result.datasetId, datasetVersionId: result.datasetVersionId, number: result.number, summary: result.summary };
}

export function importHandler(options: ImportHandlerOptions = {}): JobHandler {
  return async (execution) => {
    const params = parseImport(execution.parameters);
    return params.source === 'upload' ? importUpload(execution, params, options) : importFolder(execution, params, options);
  };
}
