// How a process of the platform ends on an error that escaped it: one clear line for what its user can fix
// (configuration, an unreachable service, a store that refuses) with exit code 2; the stack otherwise, code 1.
import { ConfigError } from '@vad/config';

const USER_ERROR_NAMES = new Set(['ConfigError', 'StartupError', 'DbError']);

/** Whether the error is the user's to fix (bad configuration or environment) rather than a platform failure. */
export const isUserFixable = (error: unknown): error is Error => error instanceof Error && (error instanceof ConfigError || USER_ERROR_NAMES.has(error.name));

/** Logs the error and returns the process's exit code. */
export function reportStartFailure(error: unknown, log: (line: string) => void): number {
  if (isUserFixable(error)) {
    log(error.message);
    return 2;
  }
  log(`unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return 1;
}
