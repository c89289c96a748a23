// The job kinds a worker of this installation can run, wired to the libraries that do the work.
import type { JobHandlers } from '@vad/worker';
import type { PlatformServices } from './start-services';

export function jobHandlers(_services: PlatformServices): JobHandlers {
  return {};
}
