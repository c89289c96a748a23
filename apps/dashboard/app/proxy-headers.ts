// Which headers the dashboard's same-origin proxies pass between the browser and the API.
import { apiUrl } from './api-url';
import { PREFLIGHT_HEADERS, UPLOAD_HEADER } from './same-origin-check';

export const SESSION_COOKIE = 'vad_session';

/** The headers with which the API recognises the dashboard (libs/api/src/server/request-source.ts). */
const DASHBOARD_SECRET = 'x-vad-dashboard-secret';
const CLIENT_ADDRESS = 'x-vad-client-address';
const CLIENT_PROTOCOL = 'x-vad-client-protocol';

/**
 * Who the browser is, for the API: the dashboard's secret (from `vad start`) vouches for the browser's
 * address and protocol, which the front door (server/front-door.ts) wrote into X-Forwarded-For and
 * -Proto. Under `next dev`, with no front door, those headers are the client's own and are not passed on.
 */
export function dashboardHeaders(request: Request): Record<string, string> {
  const secret = process.env.VAD_DASHBOARD_SECRET;
  // without a secret (`next dev` on its own) the header still says "forwarded": the API must never take a
  // browser's request for a program on its machine; it answers as to an unknown proxy
  if (!secret) return { [DASHBOARD_SECRET]: 'none' };
  const headers: Record<string, string> = { [DASHBOARD_SECRET]: secret };
  if (process.env.VAD_FRONT_DOOR === '1') {
    const address = request.headers.get('x-forwarded-for');
    if (address) headers[CLIENT_ADDRESS] = address;
    if (request.headers.get('x-forwarded-proto') === 'https') headers[CLIENT_PROTOCOL] = 'https';
  }
  return headers;
}

/** The browser's cookies, with its session replaced by `session` (a cookie pair) when given. */
function cookies(request: Request, session: string | undefined): string | undefined {
  const sent = request.headers.get('cookie') ?? '';
  if (session === undefined) return sent || undefined;
  const others = sent
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !part.startsWith(`${SESSION_COOKIE}=`));
  return [...others, session].join('; ');
}

/** Credentials and content negotiation travel to the API, with the dashboard's own headers; hop-by-hop headers do not. */
export function forwardedRequestHeaders(request: Request, session?: string): Record<string, string> {
  const headers: Record<string, string> = dashboardHeaders(request);
  for (const name of ['authorization', 'content-type', 'content-length', 'accept', UPLOAD_HEADER, ...PREFLIGHT_HEADERS]) {
    const value = request.headers.get(name);
    if (value) headers[name] = value;
  }
  const cookie = cookies(request, session);
  if (cookie) headers.cookie = cookie;
  return headers;
}

/** The API's content type, caching, resource policy and every Set-Cookie (a login sets the session cookie) come back. */
export function forwardedResponseHeaders(upstream: Response, fallbackType: string): Headers {
  const headers = new Headers({ 'content-type': upstream.headers.get('content-type') ?? fallbackType });
  for (const name of ['cache-control', 'content-disposition', 'cross-origin-resource-policy', 'retry-after']) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  for (const cookie of upstream.headers.getSetCookie()) headers.append('set-cookie', cookie);
  return headers;
}

/** The answer when the API does not answer: the same error shape as the API's own routes. */
export function unreachable(error: unknown): Response {
  const reason = error instanceof Error ? error.message : String(error);
  return Response.json({ error: { code: 'API_UNREACHABLE', message: `the API at ${apiUrl()} does not answer (${reason})` } }, { status: 502 });
}
