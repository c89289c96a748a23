// The store as the rest of the platform sees it: a Prisma client plus what start-up and health need.
import type { PrismaClient } from '../generated/prisma/client';
import type { MigrationReport } from '../migrations/apply-migrations';
import type { WriteCounter } from './write-counter';

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  readonly kind: DatabaseKind;
  readonly prisma: PrismaClient;
  /** Present where this process sees every write (the embedded database): lets reads be cached safely. */
  readonly writes?: WriteCounter;
  /** Applies pending migrations (idempotent). */
  migrate(): Promise<MigrationReport>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
