export { openPlatformServices, type PlatformServices } from './open-platform-services';
export { runnerTiming } from './runner-timing';
export { frameCacheDir } from './frame-cache-dir';
export { stopOnSignals } from './stop-on-signals';
export { isUserFixable, reportStartFailure } from './report-start-failure';
export { artifactStorage } from './artifact-storage';
