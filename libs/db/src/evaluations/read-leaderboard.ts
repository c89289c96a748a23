// Everything a data set's leaderboard shows, read in one SQL statement: the data set (only if the team owns
// it), its latest version, and every evaluation on any of its versions with the evaluated model version.
// The board is the API's most requested read; on the embedded database each statement has a fixed cost of
// about a millisecond, so one statement instead of five is what keeps it fast (issue 9).
import type { Dataset, DatasetVersion, Evaluation, ModelVersion, PrismaClient } from '../generated/prisma/client';
import { rowFromJsonb } from '../rows/row-from-jsonb';

export interface LeaderboardEntry {
  evaluation: Evaluation;
  modelVersion: ModelVersion;
  /** Number of the data-set version the evaluation ran on. */
  datasetVersionNumber: number;
}

export interface LeaderboardSource {
  dataset: Dataset;
  /** The newest version; null while the data set has none. */
  latestVersion: DatasetVersion | null;
  /** In no particular order: ranking is the caller's. */
  entries: LeaderboardEntry[];
}

type Json = Record<string, unknown>;

interface BoardRow {
  dataset: Json;
  latestVersion: Json | null;
  entries: { evaluation: Json; modelVersion: Json; datasetVersionNumber: number }[];
}

/** Null when the data set does not exist or belongs to another team. */
export async function readLeaderboard(prisma: PrismaClient, teamId: string, datasetId: string): Promise<LeaderboardSource | null> {
  // Indexes used: Dataset's key, DatasetVersion (datasetId, number), Evaluation (datasetVersionId, …), ModelVersion's key.
  const [row] = await prisma.$queryRaw<BoardRow[]>`
    SELECT to_jsonb(d) AS "dataset",
      (SELECT to_jsonb(v) FROM "DatasetVersion" v WHERE v."datasetId" = d."id" ORDER BY v."number" DESC LIMIT 1) AS "latestVersion",
      COALESCE(
        (SELECT jsonb_agg(jsonb_build_object('evaluation', to_jsonb(e), 'modelVersion', to_jsonb(mv), 'datasetVersionNumber', v."number"))
           FROM "DatasetVersion" v
           JOIN "Evaluation" e ON e."datasetVersionId" = v."id"
           JOIN "ModelVersion" mv ON mv."id" = e."modelVersionId"
          WHERE v."datasetId" = d."id"),
        '[]'::jsonb) AS "entries"
    FROM "Dataset" d
    WHERE d."id" = ${datasetId} AND d."teamId" = ${teamId}`;
  if (!row) return null;
  return {
    dataset: rowFromJsonb<Dataset>(row.dataset),
    latestVersion: row.latestVersion ? rowFromJsonb<DatasetVersion>(row.latestVersion) : null,
    entries: row.entries.map((entry) => ({
      evaluation: rowFromJsonb<Evaluation>(entry.evaluation),
      modelVersion: rowFromJsonb<ModelVersion>(entry.modelVersion),
      datasetVersionNumber: entry.datasetVersionNumber,
    })),
  };
}
