// The worker of an installation: the job kinds it runs (all, or those a worker process was asked for), with
// the frame cache under the data folder, and what it computes on (its backend is chosen once, at start, so
// that the dashboard can suggest presets for it). `vad start`, `vad worker` and apps/worker all start it here.
import { hostname } from 'node:os';
import { ConfigError, ConfigErrorCode } from '@vad/config';
import type { JobKindName } from '@vad/queue';
import { frameCacheDir, openPlatformServices, runnerTiming, stopOnSignals, type PlatformServices } from '@vad/runtime';
import { createJobHandlers, sharedBackend } from './handlers/create-job-handlers';
import type { JobHandlers } from './job-handler';
import { startJobRunner, type JobRunner } from './job-runner';
import { describeBackend } from './worker-description';

const KINDS: JobKindName[] = ['IMPORT', 'TRAIN', 'INFER', 'EVALUATE'];

/** The handlers of the kinds asked for in a comma-separated list (all when there is none). */
export function selectKinds(all: JobHandlers, kinds: string | undefined): JobHandlers {
  if (!kinds) return all;
  const wanted = kinds.split(',').map((k) => k.trim().toUpperCase());
  const unknown = wanted.filter((k) => !KINDS.includes(k as JobKindName));
  if (unknown.length) throw new ConfigError(ConfigErrorCode.InvalidValue, `job kinds are ${KINDS.join(', ')}; unknown: ${unknown.join(', ')}`);
  return Object.fromEntries(Object.entries(all).filter(([kind]) => wanted.includes(kind)));
}

export interface PlatformWorkerOptions {
  /** Comma-separated job kinds this worker takes (default all). */
  kinds?: string;
  /** Jobs run at the same time (default 1). */
  concurrency?: number;
  log?: (line: string) => void;
}

export function startPlatformWorker(services: PlatformServices, options: PlatformWorkerOptions = {}): Promise<JobRunner> {
  const { config } = services;
  const backend = sharedBackend(options.log);
  const handlers = createJobHandlers({
    cacheDir: frameCacheDir(config),
    frameCacheBytes: config.frameCacheBytes,
    trainThreads: config.trainThreads,
    importRoots: config.importRoots,
    backend,
    log: options.log,
  });
  return startJobRunner({
    database: services.database,
    queue: services.queue,
    storage: services.storage,
    ...runnerTiming(config),
    handlers: selectKinds(handlers, options.kinds),
    describe: async () => describeBackend(await backend()),
    workerId: `${hostname()}:${process.pid}`,
    concurrency: options.concurrency,
  });
}

/**
 * A process that only runs jobs (`vad worker`, apps/worker): its services opened from the environment, its worker
 * started with the kinds and concurrency asked for (else the configuration's), and a clean stop on SIGINT/SIGTERM,
 * handled before this resolves, so that a ready line written after it can be answered with SIGTERM at once.
 */
export async function serveWorker(options: PlatformWorkerOptions & { log: (line: string) => void }): Promise<JobRunner> {
  const services = await openPlatformServices(options.log);
  const { workerKinds, workerConcurrency } = services.config;
  const runner = await startPlatformWorker(services, {
    kinds: options.kinds ?? workerKinds,
    concurrency: options.concurrency ?? workerConcurrency,
    log: options.log,
  }).catch(async (error) => {
    await services.close();
    throw error;
  });
  stopOnSignals(async () => {
    await runner.stop();
    await services.close();
  }, options.log);
  return runner;
}
