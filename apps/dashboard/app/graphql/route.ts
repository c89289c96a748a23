// Same-origin GraphQL for the browser: forwards to the API, so the dashboard needs no CORS.
import { apiUrl } from '../api-url';

export async function POST(request: Request): Promise<Response> {
  const upstream = await fetch(`${apiUrl()}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      // the API's CSRF guard accepts JSON posts; forward the caller's credentials for team mode
      ...(request.headers.get('authorization') ? { authorization: request.headers.get('authorization') as string } : {}),
      ...(request.headers.get('cookie') ? { cookie: request.headers.get('cookie') as string } : {}),
    },
    body: await request.text(),
  });
  return new Response(upstream.body, { status: upstream.status, headers: { 'content-type': 'application/json' } });
}
