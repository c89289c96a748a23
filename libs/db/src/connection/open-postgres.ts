// Team mode: a PostgreSQL server shared by the API and any number of workers.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { DbError, DbErrorCode } from '../db.error';
import { applyMigrations } from '../migrations/apply-migrations';
import { readMigrations } from '../migrations/read-migrations';
import { pgClientExecutor } from '../migrations/sql-executor';
import type { Database } from './database';

const CONNECT_TIMEOUT_MS = 5000;

function describeServer(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new DbError(
      DbErrorCode.Unreachable,
      `cannot reach PostgreSQL at ${describeServer(url)} (${reason}); check DATABASE_URL or unset it to use the embedded database`,
      { cause: error },
    );
  }
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

export async function openPostgres(url: string): Promise<Database> {
  await withClient(url, (client) => client.query('SELECT 1'));
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS }) });
  return {
    kind: 'postgresql',
    prisma,
    migrate: () => withClient(url, (client) => applyMigrations(pgClientExecutor(client), readMigrations())),
    ping: async () => {
      await prisma.$queryRaw`SELECT 1`;
    },
    close: () => prisma.$disconnect(),
  };
}
