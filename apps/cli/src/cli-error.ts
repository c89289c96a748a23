// Turns an error that escaped a command into one clear line on stderr and an exit code.
// Exit code 2 means bad input or configuration (the user can fix it); 1 means the platform failed.
import { ConfigError } from '@vad/config';

export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

const userErrorNames = new Set(['CliUsageError', 'ConfigError', 'StartupError', 'DbError']);

export function reportCliError(error: unknown): number {
  if (error instanceof Error && (error instanceof ConfigError || userErrorNames.has(error.name))) {
    process.stderr.write(`vad: ${error.message}\n`);
    return 2;
  }
  process.stderr.write(`vad: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}
