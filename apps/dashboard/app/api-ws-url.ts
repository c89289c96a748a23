// The API's GraphQL WebSocket URL as a browser must dial it. An API bound to every interface
// (0.0.0.0, ::) is reached through the host name the browser used for the dashboard.
const WILDCARD_HOSTS = new Set(['0.0.0.0', '[::]', '::']);

export function apiWsUrl(apiHttpUrl: string, browserHost: string): string {
  const url = new URL('/graphql', apiHttpUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  if (WILDCARD_HOSTS.has(url.hostname)) url.hostname = browserHost;
  return url.toString();
}
