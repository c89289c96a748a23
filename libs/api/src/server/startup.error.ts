// Errors that keep a server from starting; the CLI prints them as one line and exits with code 2.

export enum StartupErrorCode {
  PortInUse = 'STARTUP_PORT_IN_USE',
  PermissionDenied = 'STARTUP_PERMISSION_DENIED',
}

export class StartupError extends Error {
  override readonly name = 'StartupError';
  constructor(
    readonly code: StartupErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
