// One request of a browser forwarded to the API by a proxy route, with the embedded deployment's session
// handling (local-session.ts): a browser without a session gets one first, and one whose session the API
// no longer knows (a wiped data folder) gets a new one and the request is sent again.
import { hasSessionCookie, isEmbedded, startLocalSession, type LocalSession } from './local-session';
import { forwardedRequestHeaders, forwardedResponseHeaders, unreachable } from './proxy-headers';

export interface ProxyOptions {
  /** Content type when the API sends none. */
  fallbackType: string;
  /** Whether the request can be sent twice (its body is not a stream already consumed). */
  repeatable: boolean;
}

async function answersUnauthenticated(upstream: Response): Promise<boolean> {
  if (upstream.status === 401) return true;
  if (!(upstream.headers.get('content-type') ?? '').includes('json')) return false;
  const body = (await upstream
    .clone()
    .json()
    .catch(() => null)) as { errors?: { extensions?: { code?: unknown } }[] } | null;
  return body?.errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED') ?? false;
}

export async function proxyToApi(request: Request, send: (headers: Record<string, string>) => Promise<Response>, options: ProxyOptions): Promise<Response> {
  try {
    let session: LocalSession | null = isEmbedded() && !hasSessionCookie(request) ? await startLocalSession(request) : null;
    let upstream = await send(forwardedRequestHeaders(request, session?.cookie));
    if (isEmbedded() && session === null && options.repeatable && (await answersUnauthenticated(upstream))) {
      session = await startLocalSession(request);
      if (session) {
        await upstream.body?.cancel();
        upstream = await send(forwardedRequestHeaders(request, session.cookie));
      }
    }
    const headers = forwardedResponseHeaders(upstream, options.fallbackType);
    if (session) headers.append('set-cookie', session.setCookie);
    return new Response(upstream.body, { status: upstream.status, headers });
  } catch (error) {
    return unreachable(error);
  }
}
