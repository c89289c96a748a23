// Errors of the artifact storage.

export enum StorageErrorCode {
  InvalidKey = 'STORAGE_INVALID_KEY',
  NotFound = 'STORAGE_NOT_FOUND',
  Unwritable = 'STORAGE_UNWRITABLE',
}

export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
