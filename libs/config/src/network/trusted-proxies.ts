// The client's address and protocol behind reverse proxies the operator trusts (VAD_TRUSTED_PROXIES).
// X-Forwarded-For is written by whoever sends the request, so it is read only from a trusted proxy, and
// then from the right: the rightmost entry not written by a trusted proxy is the client.
import net from 'node:net';

/** Exact addresses, or `loopback` for every loopback address. */
export type TrustedProxies = readonly string[];

export interface ForwardedClient {
  address: string;
  /** https when a trusted proxy says so (X-Forwarded-Proto), else http. */
  protocol: 'http' | 'https';
}

/** An IPv4-mapped IPv6 address (::ffff:1.2.3.4) as the IPv4 address it is. */
export function plainAddress(address: string): string {
  return address.toLowerCase().startsWith('::ffff:') && net.isIPv4(address.slice(7)) ? address.slice(7) : address;
}

export function isLoopbackAddress(address: string): boolean {
  const plain = plainAddress(address);
  return plain === '::1' || (net.isIPv4(plain) && plain.startsWith('127.'));
}

export function isTrustedProxy(address: string, trusted: TrustedProxies): boolean {
  const plain = plainAddress(address);
  return trusted.some((entry) => (entry === 'loopback' ? isLoopbackAddress(plain) : plainAddress(entry) === plain));
}

function firstValue(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header.join(',') : header;
}

/** Who sent a request that reached us from `peer`, given its X-Forwarded-For and X-Forwarded-Proto headers. */
export function forwardedClient(
  peer: string,
  forwardedFor: string | string[] | undefined,
  forwardedProto: string | string[] | undefined,
  trusted: TrustedProxies,
): ForwardedClient {
  if (!isTrustedProxy(peer, trusted)) return { address: plainAddress(peer), protocol: 'http' };
  const hops = (firstValue(forwardedFor) ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => net.isIP(hop) !== 0);
  let address = peer;
  while (hops.length > 0 && isTrustedProxy(address, trusted)) address = hops.pop() as string;
  // the proxy nearest to us writes the protocol it was reached with: the last value
  const protocol = (firstValue(forwardedProto) ?? '').split(',').pop()?.trim().toLowerCase() === 'https' ? 'https' : 'http';
  return { address: plainAddress(address), protocol };
}
