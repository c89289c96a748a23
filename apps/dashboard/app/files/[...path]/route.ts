// Same-origin file route: frames and anomaly maps from the API's GET /files/…, with the caller's cookie.
import { apiUrl } from '../../api-url';
import { forwardedRequestHeaders, forwardedResponseHeaders, unreachable } from '../../proxy-headers';

export async function GET(request: Request, context: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await context.params;
  const search = new URL(request.url).search;
  let upstream: Response;
  try {
    upstream = await fetch(`${apiUrl()}/files/${path.map(encodeURIComponent).join('/')}${search}`, {
      headers: forwardedRequestHeaders(request),
      cache: 'no-store',
    });
  } catch (error) {
    return unreachable(error);
  }
  return new Response(upstream.body, {
    status: upstream.status,
    headers: forwardedResponseHeaders(upstream, 'application/octet-stream'),
  });
}
