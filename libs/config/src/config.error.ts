// Errors raised while reading the platform's configuration from the environment.

export enum ConfigErrorCode {
  InvalidValue = 'CONFIG_INVALID_VALUE',
  /** The data folder cannot be created or written. */
  DataFolderNotWritable = 'CONFIG_DATA_FOLDER_NOT_WRITABLE',
  /** A configured service (Redis) does not answer. */
  ServiceUnreachable = 'CONFIG_SERVICE_UNREACHABLE',
}

export class ConfigError extends Error {
  constructor(
    readonly code: ConfigErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}
