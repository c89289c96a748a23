// A fresh, migrated database for each test suite: a throw-away database on the PostgreSQL server named by
// TEST_DATABASE_URL when it is set, else an in-memory PGlite. The same suites run on both.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Database } from '../connection/database';
import { openPglite } from '../connection/open-pglite';
import { openPostgres } from '../connection/open-postgres';
import { readMigrations } from '../migrations/read-migrations';

export interface TestDatabase extends Database {
  /** postgresql URL of the throw-away database, when the suite runs on a server. */
  readonly url?: string;
}

export function testDatabaseKind(): 'postgresql' | 'pglite' {
  return process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite';
}

/** `serverUrl`: the PostgreSQL server to make the throw-away database on (default TEST_DATABASE_URL). */
export async function createTestDatabase(serverUrl = process.env.TEST_DATABASE_URL): Promise<TestDatabase> {
  return serverUrl ? createServerDatabase(serverUrl) : createPgliteDatabase();
}

async function createServerDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `vad_test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString());
  await database.migrate();
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

// initdb plus migrations cost seconds of CPU; a migrated snapshot, cached on disk per migration set, costs one.
async function migratedSnapshot(): Promise<Blob> {
  const key = createHash('sha256')
    .update(
      readMigrations()
        .map((m) => m.checksum)
        .join(),
    )
    .digest('hex')
    .slice(0, 16);
  const file = path.join(os.tmpdir(), `vad-pglite-migrated-${key}.tar`);
  if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
  const fresh = await openPglite();
  await fresh.migrate();
  const dump = await fresh.pglite.dumpDataDir('none');
  await fresh.close();
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(temporary, file);
  return dump;
}

async function createPgliteDatabase(): Promise<TestDatabase> {
  return openPglite({ snapshot: await migratedSnapshot() });
}
