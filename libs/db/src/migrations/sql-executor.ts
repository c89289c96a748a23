// The two calls the migration runner needs, over either PGlite or a PostgreSQL client.
import type { PGlite } from '@electric-sql/pglite';
import type { Client } from 'pg';

export interface SqlExecutor {
  /** Runs one parameterised statement and returns its rows. */
  query<Row extends object>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements (a migration file). */
  exec(script: string): Promise<void>;
}

export function pgliteExecutor(db: PGlite): SqlExecutor {
  return {
    query: async <Row extends object>(sql: string, params: unknown[] = []) => (await db.query<Row>(sql, params)).rows,
    exec: async (script) => {
      await db.exec(script);
    },
  };
}

export function pgClientExecutor(client: Client): SqlExecutor {
  return {
    query: async <Row extends object>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
    exec: async (script) => {
      await client.query(script);
    },
  };
}
