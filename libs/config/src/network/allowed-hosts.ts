// Which Host headers a server answers. A page that rebinds its own name to 127.0.0.1 (DNS rebinding)
// reaches a loopback server with its own name in Host: refusing unknown names is what stops it, because
// the embedded deployment trusts whatever reaches it from this machine.

/** Names that always mean this machine. `*.localhost` resolves to loopback in every current browser. */
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `null` answers every host (team mode without VAD_ALLOWED_HOSTS); a list adds names to the loopback ones. */
export type AllowedHosts = readonly string[] | null;

/** The host name of a Host header (or of a URL's host), lower-cased, without the port; IPv6 keeps its brackets. */
export function hostNameOf(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  return lower.split(':')[0].replace(/\.$/, '');
}

export function isLoopbackName(name: string): boolean {
  return LOOPBACK_NAMES.has(name) || name.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(name);
}

/** True when a request addressed to `host` (its Host header) may be answered. */
export function isAllowedHost(host: string | undefined, allowed: AllowedHosts): boolean {
  if (allowed === null) return true;
  if (host === undefined || host === '') return false;
  const name = hostNameOf(host);
  return isLoopbackName(name) || allowed.some((entry) => hostNameOf(entry) === name);
}
