// The job kinds a worker of this installation runs, with the frame cache under the data folder.
import path from 'node:path';
import { createJobHandlers, type JobHandlers } from '@vad/worker';
import type { PlatformServices } from './start-services';

export function jobHandlers(services: PlatformServices): JobHandlers {
  const { config } = services;
  return createJobHandlers({ cacheDir: path.join(config.dataDir, 'cache', 'frames'), trainThreads: config.trainThreads, importRoots: config.importRoots });
}
