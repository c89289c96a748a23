export type { Database, DatabaseKind } from './connection/database';
export type { WriteCounter } from './connection/write-counter';
export { openDatabase, type OpenDatabaseOptions } from './connection/open-database';
export { DbError, DbErrorCode } from './db.error';
export { applyMigrations, type MigrationReport } from './migrations/apply-migrations';
export { readMigrations, MIGRATIONS_DIR, type MigrationFile } from './migrations/read-migrations';
export { pgliteExecutor, pgClientExecutor, type SqlExecutor } from './migrations/sql-executor';
export * as Store from './generated/prisma/client';
export type { PrismaClient } from './generated/prisma/client';
export { readLeaderboard, type LeaderboardEntry, type LeaderboardSource } from './evaluations/read-leaderboard';
export { ensureLocalOwner, LOCAL_TEAM_SLUG, LOCAL_OWNER_EMAIL, type Principal } from './teams/local-owner';
export {
  recordDatasetVersion,
  type DatasetVersionRecord,
  type RecordedDatasetVersion,
  type VideoRecord,
} from './datasets/record-dataset-version';
export { videoPathsAsStorageKeys } from './datasets/video-storage-keys';
