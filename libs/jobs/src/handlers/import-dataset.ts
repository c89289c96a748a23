// Imports a data set from a folder the server can read and records it as a new data-set version:
// libs/data validates everything first (nothing is written on failure), then one transaction records it.
import { importDataset, type DatasetFormat, type ImportedDataset } from '@vad/data';
import { recordDatasetVersion, type Database, type RecordedDatasetVersion } from '@vad/db';

export interface ImportDatasetRequest {
  teamId: string;
  path: string;
  format: DatasetFormat;
  /** Data-set name in the store; default the importer's (the folder name). */
  datasetName?: string;
  labelsPath?: string;
  masksPath?: string;
  verifyDecode?: boolean;
}

export interface ImportDatasetResult extends RecordedDatasetVersion {
  summary: ImportedDataset['summary'];
}

/** Records a data set that libs/data has already validated. */
export async function recordImportedDataset(
  database: Database,
  teamId: string,
  imported: ImportedDataset,
  datasetName: string = imported.name,
): Promise<ImportDatasetResult> {
  const recorded = await recordDatasetVersion(database.prisma, {
    teamId,
    datasetName,
    format: imported.format,
    contentHash: imported.summary.datasetVersion,
    summary: imported.summary,
    videos: imported.videos.map((video) => ({
      name: video.name,
      split: video.split,
      path: video.sourcePath,
      codec: video.codec,
      fps: video.fps,
      frameCount: video.frameCount,
      width: video.width,
      height: video.height,
      sizeBytes: video.sizeBytes,
      checksum: video.checksum,
      frameLabels: video.frameLabels,
      masksPath: video.masksPath,
      maskFormat: video.maskFormat,
      maskFrameIndices: video.maskFrameIndices,
    })),
  });
  return { ...recorded, summary: imported.summary };
}

export async function importAndRecordDataset(database: Database, request: ImportDatasetRequest): Promise<ImportDatasetResult> {
  const imported = await importDataset(request.path, {
    format: request.format,
    name: request.datasetName,
    labelsPath: request.labelsPath,
    masksPath: request.masksPath,
    verifyDecode: request.verifyDecode ?? true,
  });
  return recordImportedDataset(database, request.teamId, imported, request.datasetName);
}
