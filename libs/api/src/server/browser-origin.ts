// Which web pages may open a subscription socket. A WebSocket is not covered by CORS, and the embedded
// deployment trusts any connection from this machine, so without this check any page open in the
// user's browser could read the platform's job updates (cross-site WebSocket hijacking). Browsers always
// send Origin; programs (the CLI, scripts) send none and are authenticated as usual.
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

function hostName(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
}

/**
 * True for requests without Origin and for pages served from one of `dashboardPorts` on the host the
 * request was addressed to (loopback names count as one host).
 */
export function isAllowedBrowserOrigin(origin: string | undefined, host: string | undefined, dashboardPorts: readonly number[]): boolean {
  if (origin === undefined) return true;
  let page: URL;
  try {
    page = new URL(origin);
  } catch {
    return false;
  }
  if (page.protocol !== 'http:' && page.protocol !== 'https:') return false;
  const port = Number(page.port || DEFAULT_PORTS[page.protocol]);
  if (!dashboardPorts.includes(port) || host === undefined) return false;
  const addressed = hostName(host).toLowerCase();
  const pageHost = page.hostname.toLowerCase();
  return pageHost === addressed || (LOOPBACK_NAMES.has(pageHost) && LOOPBACK_NAMES.has(addressed));
}
