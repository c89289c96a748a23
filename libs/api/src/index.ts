export { createApiServer, type ApiServer, type ApiServerOptions } from './server/create-api-server';
export type { ApiServices } from './server/api-context';
export { StartupError, StartupErrorCode } from './server/startup.error';
export { listen } from './server/listen';
export { httpRoutes, type HttpRouteOptions } from './http/http-routes';
export { hashPassword, digest, newSecret } from './auth/secrets';
export { createPlatformApi, type PlatformApiOptions } from './server/create-platform-api';
