import { createHash, randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { DbErrorCode } from '../db.error';
import { applyMigrations } from './apply-migrations';
import type { MigrationFile } from './read-migrations';
import { readMigrations } from './read-migrations';
import { pgClientExecutor, pgliteExecutor, type SqlExecutor } from './sql-executor';

const migration = (name: string, sql: string): MigrationFile => ({
  name,
  sql,
  checksum: createHash('sha256').update(sql).digest('hex'),
});

const first = migration('20260101000000_first', 'CREATE TABLE a (id int primary key);');
const second = migration('20260102000000_second', 'CREATE TABLE b (id int primary key); INSERT INTO b VALUES (1);');

// An empty database on the server named by TEST_DATABASE_URL, or an in-memory PGlite.
async function emptyDatabase(): Promise<{ db: SqlExecutor; dispose: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const pglite = new PGlite();
    return { db: pgliteExecutor(pglite), dispose: () => pglite.close() };
  }
  const name = `vad_migrate_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return {
    db: pgClientExecutor(client),
    dispose: async () => {
      await client.end();
      await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

describe('applyMigrations', () => {
  let db: SqlExecutor;
  let dispose: () => Promise<void>;
  beforeEach(async () => ({ db, dispose } = await emptyDatabase()));
  afterEach(() => dispose());

  it('applies pending migrations in order, once', async () => {
    expect(await applyMigrations(db, [first])).toEqual({ applied: [first.name], alreadyApplied: [] });
    expect(await applyMigrations(db, [first, second])).toEqual({ applied: [second.name], alreadyApplied: [first.name] });
    expect(await db.query('SELECT id FROM b')).toEqual([{ id: 1 }]);
    const history = await db.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(history).toEqual([
      { migration_name: first.name, checksum: first.checksum },
      { migration_name: second.name, checksum: second.checksum },
    ]);
  });

  it('rolls back a failing migration entirely and records nothing', async () => {
    const broken = migration('20260103000000_broken', 'CREATE TABLE c (id int); SELECT * FROM missing_table;');
    await expect(applyMigrations(db, [first, broken])).rejects.toMatchObject({ code: DbErrorCode.MigrationFailed });
    expect(await db.query("SELECT to_regclass('c') AS c")).toEqual([{ c: null }]);
    expect(await db.query('SELECT migration_name FROM "_prisma_migrations"')).toEqual([{ migration_name: first.name }]);
  });

  it('refuses a migration that was edited after it was applied', async () => {
    await applyMigrations(db, [first]);
    const edited = migration(first.name, 'CREATE TABLE a (id bigint primary key);');
    await expect(applyMigrations(db, [edited])).rejects.toMatchObject({ code: DbErrorCode.MigrationEdited });
  });

  it('refuses a database migrated by a newer version of the platform', async () => {
    await applyMigrations(db, [first, second]);
    await expect(applyMigrations(db, [first])).rejects.toMatchObject({ code: DbErrorCode.MigrationUnknown });
  });

  it('applies the committed schema migrations', async () => {
    const committed = readMigrations();
    expect(committed.length).toBeGreaterThan(0);
    const report = await applyMigrations(db, committed);
    expect(report.applied).toEqual(committed.map((m) => m.name));
    const tables = await db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('Team', 'Job', 'Evaluation') ORDER BY table_name",
    );
    expect(tables.map((t) => t.table_name)).toEqual(['Evaluation', 'Job', 'Team']);
  });
});
