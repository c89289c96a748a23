// The embedded deployment: PostgreSQL compiled to WebAssembly (PGlite), in this process, on a local folder.
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { countWrites } from './write-counter';
import { PrismaClient } from '../generated/prisma/client';
import { DbError, DbErrorCode } from '../db.error';
import { applyMigrations } from '../migrations/apply-migrations';
import { readMigrations } from '../migrations/read-migrations';
import { pgliteExecutor } from '../migrations/sql-executor';
import type { Database } from './database';
import { lockDataDir, type DataDirLock } from './data-dir-lock';

export interface PgliteOptions {
  /** Folder of the database files; absent for an in-memory database (tests). */
  dir?: string;
  /** A dump made by PGlite's dumpDataDir() to start from (tests clone a migrated database this way). */
  snapshot?: Blob;
}

function ensureWritable(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    throw new DbError(
      DbErrorCode.DataDirUnwritable,
      `cannot write the embedded database folder ${dir} (${(error as NodeJS.ErrnoException).code}); set VAD_DATA_DIR to a writable folder`,
      { cause: error },
    );
  }
}

export async function openPglite(options: PgliteOptions = {}): Promise<Database & { pglite: PGlite }> {
  let lock: DataDirLock | undefined;
  if (options.dir) {
    ensureWritable(options.dir);
    lock = lockDataDir(options.dir);
  }
  let created: PGlite;
  try {
    created = await PGlite.create({ dataDir: options.dir, loadDataDir: options.snapshot });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const { pglite, writes } = countWrites(created);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: 'pglite',
    prisma,
    pglite,
    writes,
    migrate: () => applyMigrations(pgliteExecutor(pglite), readMigrations()),
    ping: async () => {
      await pglite.query('SELECT 1');
    },
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
      lock?.release();
    },
  };
}
