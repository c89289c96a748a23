// What every resolver can reach: the services, and who is calling.
import type { Database } from '@vad/db';
import type { JobQueueDriver } from '@vad/queue';
import type { ArtifactStorage } from '@vad/storage';
import { apiError } from '../graphql/api-error';
import { hasRole, type Principal, type Role } from '../auth/principal';

export interface ApiServices {
  database: Database;
  queue: JobQueueDriver;
  storage: ArtifactStorage;
  version: string;
  /** embedded: a single local owner, no login from loopback; team: accounts. */
  mode: 'embedded' | 'team';
}

export interface CookieOptions {
  maxAgeSeconds: number;
}

export interface ApiContext extends ApiServices {
  principal: Principal | null;
  /** The client's address, for rate limits. */
  remoteAddress: string;
  /** Sets a cookie on the HTTP response (absent over WebSocket). */
  setCookie?: (name: string, value: string, options: CookieOptions) => void;
}

/** The caller, who must hold at least `role` in their team; one place for every permission check. */
export function requireRole(context: ApiContext, role: Role = 'VIEWER'): Principal {
  const principal = context.principal;
  if (!principal) throw apiError('UNAUTHENTICATED', 'log in or send an API token (Authorization: Bearer …)');
  if (!hasRole(principal, role)) {
    throw apiError('FORBIDDEN', `this needs the ${role.toLowerCase()} role; you are ${principal.role.toLowerCase()}`);
  }
  return principal;
}
