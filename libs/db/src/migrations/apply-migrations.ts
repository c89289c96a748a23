// Applies pending migrations, each in its own transaction, recording them in Prisma's own
// _prisma_migrations table so that Prisma's tooling sees the same history.
// Why not Prisma's migrate engine at run time: offline it needs the Wasm engine through internal APIs;
// applying committed SQL needs none of that, starts in milliseconds and works the same on PGlite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { DbError, DbErrorCode } from '../db.error';
import type { MigrationFile } from './read-migrations';
import type { SqlExecutor } from './sql-executor';

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Several API and worker processes may start together against one PostgreSQL server.
const MIGRATION_LOCK_KEY = 72_707_369;

export async function applyMigrations(db: SqlExecutor, migrations: MigrationFile[]): Promise<MigrationReport> {
  await db.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    await db.exec(HISTORY_TABLE);
    const rows = await db.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row]));
    const known = new Set(migrations.map((m) => m.name));
    for (const row of rows) {
      if (!known.has(row.migration_name)) {
        throw new DbError(
          DbErrorCode.MigrationUnknown,
          `the database has migration "${row.migration_name}", which this version of the platform does not know: it was made by a newer version`,
        );
      }
    }
    const report: MigrationReport = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      const previous = applied.get(migration.name);
      if (previous) {
        if (previous.finished_at === null) {
          throw new DbError(
            DbErrorCode.MigrationFailed,
            `migration "${migration.name}" failed earlier and was not rolled back; fix the database by hand, then mark it rolled back`,
          );
        }
        if (previous.checksum !== migration.checksum) {
          throw new DbError(DbErrorCode.MigrationEdited, `migration "${migration.name}" was edited after it was applied; write a new migration instead`);
        }
        report.alreadyApplied.push(migration.name);
        continue;
      }
      await applyOne(db, migration);
      report.applied.push(migration.name);
    }
    return report;
  } finally {
    await db.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  }
}

async function applyOne(db: SqlExecutor, migration: MigrationFile): Promise<void> {
  await db.exec('BEGIN');
  try {
    await db.exec(migration.sql);
    await db.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
       VALUES ($1, $2, now(), $3, 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await db.exec('COMMIT');
  } catch (error) {
    await db.exec('ROLLBACK');
    throw new DbError(DbErrorCode.MigrationFailed, `migration "${migration.name}" failed and was rolled back: ${(error as Error).message}`, { cause: error });
  }
}
