// `vad worker`: a process that only runs jobs (team mode runs several, e.g. training on GPU machines and
// imports and evaluations on small ones: each declares the kinds it takes with --kinds).
import type { Command } from 'commander';
import { serveWorker } from '@vad/jobs';

const log = (line: string) => process.stderr.write(`vad worker: ${line}\n`);

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run jobs from the queue until stopped (uses DATABASE_URL and REDIS_URL in team mode)')
    .option('--concurrency <n>', 'jobs run at the same time (default VAD_WORKER_CONCURRENCY, else 1)', (v) => Number.parseInt(v, 10))
    .option('--kinds <list>', 'job kinds this worker takes, comma-separated: IMPORT, TRAIN, INFER, EVALUATE (default VAD_WORKER_KINDS, else all)')
    .action(async (options: { concurrency?: number; kinds?: string }) => {
      const runner = await serveWorker({ ...options, log });
      log(`running ${runner.kinds.join(', ')}; Ctrl+C to stop`);
    });
}
