// Refuses requests addressed to a host name the server does not answer to (DNS rebinding: a web page
// whose own name now resolves to 127.0.0.1 would otherwise talk to the embedded API as this machine).
import { isAllowedHost, type AllowedHosts } from '@vad/config';
import type { NextFunction, Request, Response } from 'express';

export const UNKNOWN_HOST_MESSAGE = 'this server does not answer to that host name; use localhost, or add the name to VAD_ALLOWED_HOSTS';

export function hostGuard(allowed: AllowedHosts) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (isAllowedHost(request.headers.host, allowed)) return next();
    response.status(403).json({ error: { code: 'FORBIDDEN', message: UNKNOWN_HOST_MESSAGE } });
  };
}
