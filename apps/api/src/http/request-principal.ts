// The caller of a plain HTTP route (uploads, files), found the same way as for GraphQL.
import type { Request } from 'express';
import { authenticate } from '../auth/authenticate';
import { hasRole, type Principal, type Role } from '../auth/principal';
import type { ApiServices } from '../server/api-context';
import { HttpError } from './http-error';

export async function requestPrincipal(services: ApiServices, request: Request, role: Role = 'VIEWER'): Promise<Principal> {
  const principal = await authenticate(services.database, services.mode, {
    authorization: request.headers.authorization,
    cookie: request.headers.cookie,
    remoteAddress: request.socket.remoteAddress,
  });
  if (!principal) throw new HttpError(401, 'UNAUTHENTICATED', 'log in or send an API token (Authorization: Bearer …)');
  if (!hasRole(principal, role)) throw new HttpError(403, 'FORBIDDEN', `this needs the ${role.toLowerCase()} role`);
  return principal;
}
