// The plain HTTP routes beside GraphQL, with their JSON error handler.
import { Router } from 'express';
import type { ApiServerState, ApiServices } from '../server/api-context';
import { downloadRoutes } from './download.routes';
import { fileRoutes, type FileRouteOptions } from './file.routes';
import { jsonErrorHandler } from './http-error';
import { maskUploadRoutes } from './mask-upload.routes';
import { uploadRoutes, type UploadRouteOptions } from './upload.routes';

export interface HttpRouteOptions extends UploadRouteOptions, FileRouteOptions {}

export function httpRoutes(options: HttpRouteOptions) {
  return (services: ApiServices, state: Pick<ApiServerState, 'mapVolumes'>): Router => {
    const router = Router();
    router.use(uploadRoutes(services, options));
    router.use(maskUploadRoutes(services, options));
    router.use(fileRoutes(services, state.mapVolumes, options));
    router.use(downloadRoutes(services));
    router.use(jsonErrorHandler);
    return router;
  };
}
