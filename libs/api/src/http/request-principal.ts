// The caller of a plain HTTP route (uploads, files), as identify-caller.ts found it for this request.
import type { Response } from 'express';
import { hasRole, type Principal, type Role } from '../auth/principal';
import { HttpError } from './http-error';
import { callerOf } from './identify-caller';

export function requestPrincipal(response: Response, role: Role = 'VIEWER'): Principal {
  const { principal } = callerOf(response);
  if (!principal) throw new HttpError(401, 'UNAUTHENTICATED', 'log in or send an API token (Authorization: Bearer …)');
  if (!hasRole(principal, role)) throw new HttpError(403, 'FORBIDDEN', `this needs the ${role.toLowerCase()} role`);
  return principal;
}
