// `vad worker`: a process that only runs jobs (team mode runs several, e.g. training on GPU machines and
// imports and evaluations on small ones: each declares the kinds it takes with --kinds).
import { hostname } from 'node:os';
import type { Command } from 'commander';
import type { JobKindName } from '@vad/queue';
import { startJobRunner, type JobHandlers } from '@vad/worker';
import { CliUsageError } from '../cli-error';
import { platformWorker } from '../platform/job-handlers';
import { runnerTiming } from '../platform/runner-timing';
import { startServices } from '../platform/start-services';

const log = (line: string) => process.stderr.write(`vad worker: ${line}\n`);
const KINDS: JobKindName[] = ['IMPORT', 'TRAIN', 'INFER', 'EVALUATE'];

/** The handlers of the kinds asked for (all by default). */
export function selectKinds(all: JobHandlers, kinds: string | undefined): JobHandlers {
  if (!kinds) return all;
  const wanted = kinds.split(',').map((k) => k.trim().toUpperCase());
  const unknown = wanted.filter((k) => !KINDS.includes(k as JobKindName));
  if (unknown.length) throw new CliUsageError(`--kinds takes ${KINDS.join(', ')}; unknown: ${unknown.join(', ')}`);
  return Object.fromEntries(Object.entries(all).filter(([kind]) => wanted.includes(kind)));
}

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run jobs from the queue until stopped (uses DATABASE_URL and REDIS_URL in team mode)')
    .option('--concurrency <n>', 'jobs run at the same time', (v) => Number.parseInt(v, 10), 1)
    .option('--kinds <list>', 'job kinds this worker takes, comma-separated: IMPORT, TRAIN, INFER, EVALUATE (default all)')
    .action(async (options: { concurrency: number; kinds?: string }) => {
      const services = await startServices(log);
      const worker = platformWorker(services, log);
      const handlers = selectKinds(worker.handlers, options.kinds);
      const runner = await startJobRunner({
        ...services,
        ...runnerTiming(services.config),
        handlers,
        describe: worker.describe,
        workerId: `${hostname()}:${process.pid}`,
        concurrency: options.concurrency,
      });
      log(`running ${runner.kinds.join(', ')}; Ctrl+C to stop`);
      const stop = async () => {
        await runner.stop();
        await services.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
