// `vad worker`: a process that only runs jobs (team mode runs several, on GPU machines).
import { hostname } from 'node:os';
import type { Command } from 'commander';
import { startJobRunner } from '@vad/worker';
import { jobHandlers } from '../platform/job-handlers';
import { runnerTiming } from '../platform/runner-timing';
import { startServices } from '../platform/start-services';

const log = (line: string) => process.stderr.write(`vad worker: ${line}\n`);

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run jobs from the queue until stopped (uses DATABASE_URL and REDIS_URL in team mode)')
    .option('--concurrency <n>', 'jobs run at the same time', (v) => Number.parseInt(v, 10), 1)
    .action(async (options: { concurrency: number }) => {
      const services = await startServices(log);
      const runner = await startJobRunner({
        ...services,
        handlers: jobHandlers(services),
    ...runnerTiming(services.config),
        workerId: `${hostname()}:${process.pid}`,
        concurrency: options.concurrency,
      });
      log(`running ${runner.kinds.join(', ') || 'no job kinds yet'}; Ctrl+C to stop`);
      const stop = async () => {
        await runner.stop();
        await services.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
