// Uploads are multipart posts, which any web page may send to any address without asking first (a
// "simple" request, not covered by CORS), with the browser's cookies. So an upload is refused when a web
// page sent it to the API directly (the dashboard's pages upload through the dashboard, which checks their
// origin), and a cookie-authenticated upload must carry X-Requested-With: a header a page of another origin
// can only add after a CORS preflight, which this API never grants.
import type { Request, Response } from 'express';
import { callerOf } from './identify-caller';
import { HttpError } from './http-error';

export const UPLOAD_CSRF_HEADER = 'x-requested-with';

export function assertUploadNotCrossSite(request: Request, response: Response): void {
  const { source, principal } = callerOf(response);
  if (source.channel === 'browser') {
    throw new HttpError(403, 'FORBIDDEN', 'web pages upload through the dashboard; programs send no Origin header');
  }
  if (principal?.via === 'session' && !request.headers[UPLOAD_CSRF_HEADER]) {
    throw new HttpError(
      403,
      'FORBIDDEN',
      `an upload authenticated by a session cookie needs the header ${UPLOAD_CSRF_HEADER}; programs should use an API token`,
    );
  }
}
