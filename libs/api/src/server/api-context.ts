// What every resolver can reach: the services, the server's own state, and who is calling.
import type { Database } from '@vad/db';
import type { JobQueueDriver } from '@vad/queue';
import type { ArtifactStorage } from '@vad/storage';
import { apiError } from '../graphql/api-error';
import type { AccessRevocations } from '../auth/access-revocations';
import type { JobUpdateHub } from '../jobs/job-update-hub';
import type { LoginThrottle } from '../auth/login-throttle';
import { hasRole, type Principal, type Role } from '../auth/principal';
import type { RequestSource } from './request-source';
import type { RunMapVolumes } from '../files/run-map-volume';
import type { FrameCache } from '@vad/data';

export interface ApiServices {
  database: Database;
  queue: JobQueueDriver;
  storage: ArtifactStorage;
  version: string;
  /** embedded: a single local owner, no login for programs on this machine; team: accounts. */
  mode: 'embedded' | 'team';
}

export interface CookieOptions {
  maxAgeSeconds: number;
}

/** State one API server keeps across requests. */
export interface ApiServerState {
  loginThrottle: LoginThrottle;
  revocations: AccessRevocations;
  /** Folders importServerFolder may read below (real paths are compared); empty refuses every such import. */
  importRoots: readonly string[];
  /** The one poll of job updates that every subscription of this server shares. */
  jobUpdates: JobUpdateHub;
  /** Anomaly-map volumes of recently viewed runs, shared by the map pictures and the viewer's map summaries. */
  mapVolumes: RunMapVolumes;
  /** The installation's decoded-frame cache, when this API runs beside its workers. */
  frameCache: FrameCache | null;
}

/** A subscription socket's caller, checked again before each event it is sent. */
export interface Subscriber {
  /** False (and the socket closed) when the socket's credentials no longer give `principal`'s access. */
  stillAllowed(principal: Principal): Promise<boolean>;
}

export interface ApiContext extends ApiServices, ApiServerState {
  principal: Principal | null;
  /** Where the request comes from: the client's address (rate limits), https, and the channel. */
  source: RequestSource;
  /** Sets a cookie on the HTTP response (absent over WebSocket). */
  setCookie?: (name: string, value: string, options: CookieOptions) => void;
  /** Present over WebSocket only. */
  subscriber?: Subscriber;
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
