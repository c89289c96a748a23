// An upload from one of the dashboard's own pages, streamed unchanged to the API at `apiPath` (with the query).
import { apiUrl } from './api-url';
import { proxyToApi } from './proxy-to-api';
import { refuseCrossSite } from './same-origin-check';

export function forwardUpload(request: Request, apiPath: string): Promise<Response> {
  const refused = refuseCrossSite(request, 'uploads');
  if (refused) return Promise.resolve(refused);
  const search = new URL(request.url).search;
  const send = (headers: Record<string, string>) =>
    fetch(`${apiUrl()}${apiPath}${search}`, {
      method: 'POST',
      headers,
      body: request.body,
      // a streamed request body needs half duplex in Node's fetch
      duplex: 'half',
      cache: 'no-store',
    } as RequestInit & { duplex: 'half' });
  return proxyToApi(request, send, { fallbackType: 'application/json', repeatable: false });
}
