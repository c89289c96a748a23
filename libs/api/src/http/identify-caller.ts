// Reads who sent a request once, before any route: where it comes from (request-source.ts) and who
// they are (authenticate.ts). GraphQL, uploads and files all read the answer from here.
import type { NextFunction, Request, Response } from 'express';
import { authenticate } from '../auth/authenticate';
import type { Principal } from '../auth/principal';
import type { ApiServices } from '../server/api-context';
import { readRequestSource, type RequestSource, type RequestSourcePolicy } from '../server/request-source';

export interface Caller {
  source: RequestSource;
  principal: Principal | null;
}

const CALLER = 'vadCaller';

export function identifyCaller(services: ApiServices, policy: RequestSourcePolicy) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    const source = readRequestSource(request, policy);
    const principal = await authenticate(services.database, services.mode, {
      authorization: request.headers.authorization,
      cookie: request.headers.cookie,
      isLocalProgram: source.isLocalProgram,
    });
    response.locals[CALLER] = { source, principal } satisfies Caller;
    next();
  };
}

/** The caller identified for this request (identifyCaller runs before every route). */
export function callerOf(response: Response): Caller {
  const caller = response.locals[CALLER] as Caller | undefined;
  if (caller === undefined) throw new Error('identifyCaller must run before the routes');
  return caller;
}
