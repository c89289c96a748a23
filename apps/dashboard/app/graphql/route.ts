// Same-origin GraphQL for the browser: forwards to the API, so the dashboard needs no CORS.
// Session cookies travel both ways: the caller's to the API, the API's Set-Cookie (login, logout) back.
import { apiUrl } from '../api-url';
import { forwardedRequestHeaders, forwardedResponseHeaders, unreachable } from '../proxy-headers';

export async function POST(request: Request): Promise<Response> {
  let upstream: Response;
  try {
    upstream = await fetch(`${apiUrl()}/graphql`, {
      method: 'POST',
      // the API's CSRF guard accepts JSON posts
      headers: { ...forwardedRequestHeaders(request), 'content-type': 'application/json' },
      body: await request.text(),
      cache: 'no-store',
    });
  } catch (error) {
    return unreachable(error);
  }
  return new Response(upstream.body, { status: upstream.status, headers: forwardedResponseHeaders(upstream, 'application/json') });
}
