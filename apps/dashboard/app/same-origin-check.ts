// Refuses what a page of another origin can make a browser send to the dashboard's proxy routes (CSRF).
// The browser sends the session cookie with a request from any page of the same site — another port of
// this machine included — and "simple" requests (a form's text/plain or multipart post) reach the server
// without a CORS preflight. So a proxy route accepts a request only when the browser says it comes from
// the dashboard's own origin (Origin, Sec-Fetch-Site), and only in a form no other page can send without a
// preflight: JSON, or a header of ours.

export type ProxyRoute = 'graphql' | 'uploads' | 'files';

/** Headers that only the dashboard's own scripts send (a page of another origin would need a preflight). */
export const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name'] as const;
export const UPLOAD_HEADER = 'x-requested-with';

const refuse = (status: number, message: string) => Response.json({ error: { code: 'FORBIDDEN', message } }, { status });

function mediaType(header: string | null): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

/** The problem with a request from a browser, answered as a Response; null when it may be forwarded. */
export function refuseCrossSite(request: Request, route: ProxyRoute): Response | null {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none') {
    return refuse(403, `the dashboard answers its own pages only (this request came from a ${site} page)`);
  }
  const origin = request.headers.get('origin');
  if (origin !== null) {
    let from: string;
    try {
      from = new URL(origin).host.toLowerCase();
    } catch {
      return refuse(403, 'the dashboard answers its own pages only (the request has an unreadable Origin)');
    }
    if (from !== (request.headers.get('host') ?? '').toLowerCase())
      return refuse(403, 'the dashboard answers its own pages only (the request came from another origin)');
  }
  if (
    route === 'graphql' &&
    mediaType(request.headers.get('content-type')) !== 'application/json' &&
    !PREFLIGHT_HEADERS.some((name) => request.headers.has(name))
  ) {
    return refuse(415, 'send GraphQL requests as application/json (or with the apollo-require-preflight header)');
  }
  if (route === 'uploads' && !request.headers.has(UPLOAD_HEADER)) {
    return refuse(403, `uploads need the ${UPLOAD_HEADER} header`);
  }
  return null;
}
