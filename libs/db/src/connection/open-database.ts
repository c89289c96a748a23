// Opens the store the configuration asks for: PostgreSQL when a URL is given, else the embedded PGlite.
import path from 'node:path';
import type { Database } from './database';
import { openPglite } from './open-pglite';
import { openPostgres } from './open-postgres';

export interface OpenDatabaseOptions {
  /** postgresql://… for team mode; absent for the embedded database. */
  databaseUrl?: string;
  /** The platform's data folder; the embedded database lives in its db/ subfolder. */
  dataDir: string;
  /** Apply pending migrations before returning (start-up does; `vad db migrate` does it explicitly). */
  migrate?: boolean;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const database = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite({ dir: path.join(options.dataDir, 'db') });
  if (options.migrate) {
    try {
      await database.migrate();
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}
