// The API of an installation: its configuration turned into server options, the same for `vad start`
// (beside a worker and the dashboard) and for apps/api (the API alone, with workers elsewhere).
import { PLATFORM_VERSION } from '@vad/config';
import { FrameCache } from '@vad/data';
import { frameCacheDir, type PlatformServices } from '@vad/runtime';
import { httpRoutes } from '../http/http-routes';
import { createApiServer, type ApiServer } from './create-api-server';

export interface PlatformApiOptions {
  /** The secret with which this run's dashboard proves its requests; none when no dashboard runs. */
  dashboardSecret?: string;
}

export function createPlatformApi(services: PlatformServices, options: PlatformApiOptions = {}): Promise<ApiServer> {
  const { config } = services;
  return createApiServer(
    { ...services, version: PLATFORM_VERSION, mode: config.mode },
    {
      production: process.env.NODE_ENV === 'production',
      debug: config.debug,
      dashboardPort: config.dashboardPort,
      dashboardSecret: options.dashboardSecret,
      allowedHosts: config.allowedHosts,
      trustedProxies: config.trustedProxies,
      importRoots: config.importRoots,
      frameCache: new FrameCache(frameCacheDir(config), { maxBytes: config.frameCacheBytes }),
      routes: httpRoutes({ maxUploadBytes: config.maxUploadBytes }),
    },
  );
}
