// `vad worker`: a process that only runs jobs (team mode runs several, e.g. training on GPU machines and
// imports and evaluations on small ones: each declares the kinds it takes with --kinds).
import type { Command } from 'commander';
import { startPlatformWorker } from '@vad/jobs';
import { openPlatformServices, stopOnSignals } from '@vad/runtime';

const log = (line: string) => process.stderr.write(`vad worker: ${line}\n`);

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run jobs from the queue until stopped (uses DATABASE_URL and REDIS_URL in team mode)')
    .option('--concurrency <n>', 'jobs run at the same time', (v) => Number.parseInt(v, 10), 1)
    .option('--kinds <list>', 'job kinds this worker takes, comma-separated: IMPORT, TRAIN, INFER, EVALUATE (default all)')
    .action(async (options: { concurrency: number; kinds?: string }) => {
      const services = await openPlatformServices(log);
      const runner = await startPlatformWorker(services, { ...options, log }).catch(async (error) => {
        await services.close();
        throw error;
      });
      stopOnSignals(async () => {
        await runner.stop();
        await services.close();
      });
      log(`running ${runner.kinds.join(', ')}; Ctrl+C to stop`);
    });
}
