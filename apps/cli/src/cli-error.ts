// Turns an error that escaped a command into one clear line on stderr and an exit code.
// Exit code 2 means bad input or configuration (the user can fix it); 1 means the platform failed.
import { reportStartFailure } from '@vad/runtime';

export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

const writeLine = (line: string) => process.stderr.write(`vad: ${line}\n`);

export function reportCliError(error: unknown): number {
  if (error instanceof CliUsageError) {
    writeLine(error.message);
    return 2;
  }
  return reportStartFailure(error, writeLine);
}
