// The dashboard's front door: every request passes here before Next.js sees it. It answers only the
// host names the platform is configured for (DNS rebinding), and it replaces the X-Forwarded-* headers a
// client may have written with what it knows: the client's address and protocol, read from the socket or,
// behind a trusted reverse proxy (VAD_TRUSTED_PROXIES), from that proxy's headers. Next.js would keep a
// client's own X-Forwarded-For, and the proxy routes pass the address on to the API's login throttle.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { forwardedClient, isAllowedHost, type AllowedHosts, type TrustedProxies } from '@vad/config';

export interface FrontDoorPolicy {
  allowedHosts: AllowedHosts;
  trustedProxies: TrustedProxies;
}

/** Headers only the front door may set; a client's own are removed. */
const FORWARDING_HEADERS = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port', 'forwarded', 'x-real-ip'];

/** Reads the policy from the environment `vad start` gives the dashboard (the same variables as the API's). */
export function frontDoorPolicy(env: Readonly<Record<string, string | undefined>>): FrontDoorPolicy {
  const hosts = (env.VAD_ALLOWED_HOSTS ?? '').trim();
  const list = (value: string) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
  return { allowedHosts: hosts === '*' ? null : list(hosts), trustedProxies: list(env.VAD_TRUSTED_PROXIES ?? '') };
}

/**
 * Checks and rewrites a request in place. Returns false, having answered 403, when its host is not
 * answered; true when Next.js may handle it.
 */
export function admit(request: IncomingMessage, response: ServerResponse, policy: FrontDoorPolicy): boolean {
  if (!isAllowedHost(request.headers.host, policy.allowedHosts)) {
    response.writeHead(403, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        error: { code: 'FORBIDDEN', message: 'this dashboard does not answer to that host name; use localhost, or add the name to VAD_ALLOWED_HOSTS' },
      }),
    );
    return false;
  }
  const client = forwardedClient(
    request.socket.remoteAddress ?? '',
    request.headers['x-forwarded-for'],
    request.headers['x-forwarded-proto'],
    policy.trustedProxies,
  );
  for (const name of FORWARDING_HEADERS) delete request.headers[name];
  for (const name of Object.keys(request.headers)) if (name.startsWith('x-vad-')) delete request.headers[name];
  request.headers['x-forwarded-for'] = client.address;
  request.headers['x-forwarded-proto'] = client.protocol;
  return true;
}
