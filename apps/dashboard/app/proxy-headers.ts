// Which headers the dashboard's same-origin proxies pass between the browser and the API.
import { apiUrl } from './api-url';

/** Credentials (team mode) and content negotiation travel to the API; hop-by-hop headers do not. */
export function forwardedRequestHeaders(request: Request): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of ['authorization', 'cookie', 'content-type', 'content-length', 'accept']) {
    const value = request.headers.get(name);
    if (value) headers[name] = value;
  }
  return headers;
}

/** The API's content type, caching and every Set-Cookie (a login sets the session cookie) come back. */
export function forwardedResponseHeaders(upstream: Response, fallbackType: string): Headers {
  const headers = new Headers({ 'content-type': upstream.headers.get('content-type') ?? fallbackType });
  const cacheControl = upstream.headers.get('cache-control');
  if (cacheControl) headers.set('cache-control', cacheControl);
  for (const cookie of upstream.headers.getSetCookie()) headers.append('set-cookie', cookie);
  return headers;
}

/** The answer when the API does not answer: the same error shape as the API's own routes. */
export function unreachable(error: unknown): Response {
  const reason = error instanceof Error ? error.message : String(error);
  return Response.json(
    { error: { code: 'API_UNREACHABLE', message: `the API at ${apiUrl()} does not answer (${reason})` } },
    { status: 502 },
  );
}
