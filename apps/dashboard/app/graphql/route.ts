// Same-origin GraphQL for the browser: forwards to the API, so the dashboard needs no CORS. Only the
// dashboard's own pages may use it (same-origin-check.ts); the body goes on with the browser's own
// content type, so the API's CSRF guard judges it too. Session cookies travel both ways: the caller's to
// the API, the API's Set-Cookie (login, logout) back.
import { apiUrl } from '../api-url';
import { proxyToApi } from '../proxy-to-api';
import { refuseCrossSite } from '../same-origin-check';

export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, 'graphql');
  if (refused) return refused;
  const body = await request.text();
  return proxyToApi(request, (headers) => fetch(`${apiUrl()}/graphql`, { method: 'POST', headers, body, cache: 'no-store' }), {
    fallbackType: 'application/json',
    repeatable: true,
  });
}
