// The embedded deployment has no login, yet the API must never take a browser for its owner just because
// the dashboard forwards from this machine. So the dashboard gets its browser a session of the local
// owner (startLocalSession, which the API grants only to the dashboard, by its secret), and from then on
// the browser proves itself with that cookie — on the proxy routes and on the subscription socket alike.
import { apiUrl } from './api-url';
import { dashboardHeaders, SESSION_COOKIE } from './proxy-headers';

export interface LocalSession {
  /** `vad_session=…`, for the request being forwarded. */
  cookie: string;
  /** The API's Set-Cookie, for the browser. */
  setCookie: string;
}

/** True when `vad start` runs this dashboard for an embedded deployment. */
export function isEmbedded(): boolean {
  return process.env.VAD_DEPLOYMENT_MODE === 'embedded';
}

export function hasSessionCookie(request: Request): boolean {
  return (request.headers.get('cookie') ?? '').split(';').some((part) => part.trim().startsWith(`${SESSION_COOKIE}=`));
}

/** A new session of the local owner for the browser that sent `request`, or null when the API grants none. */
export async function startLocalSession(request: Request): Promise<LocalSession | null> {
  const response = await fetch(`${apiUrl()}/graphql`, {
    method: 'POST',
    headers: { ...dashboardHeaders(request), 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { startLocalSession { role } }' }),
    cache: 'no-store',
  });
  const setCookie = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
  await response.body?.cancel();
  return setCookie ? { cookie: setCookie.split(';')[0], setCookie } : null;
}
