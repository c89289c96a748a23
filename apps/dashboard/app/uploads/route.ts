// Same-origin upload route: streams a multipart video upload to the API's POST /uploads unchanged, for
// the dashboard's own pages only (same-origin-check.ts).
import { apiUrl } from '../api-url';
import { proxyToApi } from '../proxy-to-api';
import { refuseCrossSite } from '../same-origin-check';

export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request, 'uploads');
  if (refused) return refused;
  const search = new URL(request.url).search;
  const send = (headers: Record<string, string>) =>
    fetch(`${apiUrl()}/uploads${search}`, {
      method: 'POST',
      headers,
      body: request.body,
      // a streamed request body needs half duplex in Node's fetch
      duplex: 'half',
      cache: 'no-store',
    } as RequestInit & { duplex: 'half' });
  return proxyToApi(request, send, { fallbackType: 'application/json', repeatable: false });
}
