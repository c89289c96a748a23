// The job kinds a worker of this installation runs, with the frame cache under the data folder.
import path from 'node:path';
import { createJobHandlers, type JobHandlers } from '@vad/worker';
import type { PlatformServices } from './start-services';

export function jobHandlers(services: PlatformServices): JobHandlers {
  return createJobHandlers({ cacheDir: path.join(services.config.dataDir, 'cache', 'frames'), trainThreads: services.config.trainThreads });
}
