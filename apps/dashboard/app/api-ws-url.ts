// The API's GraphQL WebSocket URL as a browser must dial it. An API bound to every interface
// (0.0.0.0, ::) is reached through the host name the browser used for the dashboard; so is an API on
// loopback when the browser reached the dashboard through a loopback name: the session cookie belongs
// to that name (127.0.0.1 and localhost keep separate cookies), and the socket must carry it.
const WILDCARD_HOSTS = new Set(['0.0.0.0', '[::]', '::']);
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function apiWsUrl(apiHttpUrl: string, browserHost: string): string {
  const url = new URL('/graphql', apiHttpUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const bothLoopback = LOOPBACK_HOSTS.has(url.hostname) && LOOPBACK_HOSTS.has(browserHost);
  if (WILDCARD_HOSTS.has(url.hostname) || bothLoopback) url.hostname = browserHost;
  return url.toString();
}
