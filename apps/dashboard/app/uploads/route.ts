// Same-origin upload route: streams a multipart video upload to the API's POST /uploads unchanged.
import { apiUrl } from '../api-url';
import { forwardedRequestHeaders, forwardedResponseHeaders, unreachable } from '../proxy-headers';

export async function POST(request: Request): Promise<Response> {
  const search = new URL(request.url).search;
  let upstream: Response;
  try {
    upstream = await fetch(`${apiUrl()}/uploads${search}`, {
      method: 'POST',
      headers: forwardedRequestHeaders(request),
      body: request.body,
      // a streamed request body needs half duplex in Node's fetch
      duplex: 'half',
      cache: 'no-store',
    } as RequestInit & { duplex: 'half' });
  } catch (error) {
    return unreachable(error);
  }
  return new Response(upstream.body, { status: upstream.status, headers: forwardedResponseHeaders(upstream, 'application/json') });
}
