// The job kinds a worker of this installation runs, with the frame cache under the data folder, and what the
// worker computes on (its backend is chosen once, at start, so that the dashboard can suggest presets for it).
import path from 'node:path';
import { createJobHandlers, describeBackend, sharedBackend, type JobHandlers, type WorkerDescription } from '@vad/worker';
import type { VadConfig } from '@vad/config';
import type { PlatformServices } from './start-services';

/** The decoded-frame cache of this installation: its folder under the data folder. */
export const frameCacheDir = (config: Pick<VadConfig, 'dataDir'>) => path.join(config.dataDir, 'cache', 'frames');

export interface PlatformWorker {
  handlers: JobHandlers;
  describe: () => Promise<WorkerDescription>;
}

export function platformWorker(services: PlatformServices, log?: (line: string) => void): PlatformWorker {
  const { config } = services;
  const backend = sharedBackend(log);
  return {
    handlers: createJobHandlers({ cacheDir: frameCacheDir(config), frameCacheBytes: config.frameCacheBytes, trainThreads: config.trainThreads, importRoots: config.importRoots, backend, log }),
    describe: async () => describeBackend(await backend()),
  };
}
