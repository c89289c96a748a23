// Errors of the store: connecting, locking the embedded data folder, applying migrations.

export enum DbErrorCode {
  Unreachable = 'DB_UNREACHABLE',
  DataDirUnwritable = 'DB_DATA_DIR_UNWRITABLE',
  DataDirLocked = 'DB_DATA_DIR_LOCKED',
  MigrationEdited = 'DB_MIGRATION_EDITED',
  MigrationFailed = 'DB_MIGRATION_FAILED',
  MigrationUnknown = 'DB_MIGRATION_UNKNOWN',
}

export class DbError extends Error {
  override readonly name = 'DbError';
  constructor(
    readonly code: DbErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
