// The `vad` command line: one program, one subcommand per capability of the platform.
import { buildProgram } from './program';
import { reportCliError } from './cli-error';

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.exitCode = reportCliError(error);
  });
