// Same-origin file route: frames and anomaly maps from the API's GET /files/…, with the caller's cookie,
// for the dashboard's own pages (another site's page cannot embed them).
import { apiUrl } from '../../api-url';
import { proxyToApi } from '../../proxy-to-api';
import { refuseCrossSite } from '../../same-origin-check';

export async function GET(request: Request, context: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const refused = refuseCrossSite(request, 'files');
  if (refused) return refused;
  const { path } = await context.params;
  const search = new URL(request.url).search;
  const url = `${apiUrl()}/files/${path.map(encodeURIComponent).join('/')}${search}`;
  return proxyToApi(request, (headers) => fetch(url, { headers, cache: 'no-store' }), { fallbackType: 'application/octet-stream', repeatable: true });
}
