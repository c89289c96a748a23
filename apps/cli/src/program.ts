// Assembles the `vad` program from its subcommands.
import { Command } from 'commander';
import { PLATFORM_VERSION } from '@vad/config';
import { registerBenchInferenceCommand } from './commands/bench-inference.command';
import { registerBenchModelCommand } from './commands/bench-model.command';
import { registerBenchProfileCommand } from './commands/bench-profile.command';
import { registerBenchTrainCommand } from './commands/bench-train.command';
import { registerCacheCommand } from './commands/cache.command';
import { registerDatasetCommand } from './commands/dataset.command';
import { registerDbCommand } from './commands/db.command';
import { registerEvalCommand } from './commands/eval.command';
import { registerJobsCommand } from './commands/jobs.command';
import { registerScoreCommand } from './commands/score.command';
import { registerStartCommand } from './commands/start.command';
import { registerTrainCommand } from './commands/train.command';
import { registerUserCommand } from './commands/user.command';
import { registerWorkerCommand } from './commands/worker.command';

export function buildProgram(): Command {
  const program = new Command('vad')
    .description('Video anomaly detection platform: data sets, training, scoring, evaluation and the server')
    .version(PLATFORM_VERSION, '-v, --version', 'print the platform version')
    .option('--api <url>', 'talk to a platform over its API instead of the local store (or VAD_API)')
    .option('--token <token>', 'API token for --api (or VAD_TOKEN); not needed for a local embedded `vad start`')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (text, write) => write(text) });
  registerStartCommand(program);
  registerWorkerCommand(program);
  registerDbCommand(program);
  registerCacheCommand(program);
  registerUserCommand(program);
  registerJobsCommand(program);
  registerDatasetCommand(program);
  registerEvalCommand(program);
  registerTrainCommand(program);
  registerScoreCommand(program);
  const bench = program
    .command('bench')
    .description('measure speed: model (parameters, GFLOPs, frames/s), inference engines (share of peak), data-parallel training, kernel profiles');
  registerBenchModelCommand(bench);
  registerBenchInferenceCommand(bench);
  registerBenchTrainCommand(bench);
  registerBenchProfileCommand(bench);
  return program;
}
