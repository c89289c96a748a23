// Errors raised while reading the platform's configuration from the environment.

export enum ConfigErrorCode {
  InvalidValue = 'CONFIG_INVALID_VALUE',
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
