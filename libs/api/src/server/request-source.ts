// Where a request comes from, read once per request from its socket and headers: the client's address
// (for rate limits), whether it travelled over https, and who sent it. The embedded deployment trusts
// programs on this machine as its owner; it must never extend that trust to a web page, whether the page
// calls the API itself or through the dashboard's proxy, nor to anything a reverse proxy forwards.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import net from 'node:net';
import { forwardedClient, isLoopbackAddress, plainAddress, type TrustedProxies } from '@vad/config';

/** Headers the dashboard's proxy sends with every request it forwards for a browser. */
export const DASHBOARD_HEADERS = {
  /** The secret `vad start` shares with its dashboard: proves the other two headers. */
  secret: 'x-vad-dashboard-secret',
  /** The browser's address, as the dashboard's front door saw it. */
  clientAddress: 'x-vad-client-address',
  /** `https` when the browser reached the dashboard over TLS (through a trusted proxy). */
  clientProtocol: 'x-vad-client-protocol',
} as const;

/** Headers only a proxy writes: a request carrying one was forwarded from somewhere else. */
const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip', 'via', DASHBOARD_HEADERS.secret, DASHBOARD_HEADERS.clientAddress];

export type RequestChannel =
  /** Forwarded by the dashboard (its secret matched) on behalf of a browser. */
  | 'dashboard'
  /** Sent by a web page (Origin or Sec-Fetch-Site), straight to the API. */
  | 'browser'
  /** Forwarded by a reverse proxy (or carrying forwarding headers of unknown origin). */
  | 'proxied'
  /** A program talking to the API directly: the CLI, a script, curl. */
  | 'direct';

export interface RequestSource {
  channel: RequestChannel;
  /** The client's address: the browser's for the dashboard, the one behind trusted proxies, else the peer's. */
  address: string;
  /** True when the client reached us, or the dashboard, over https. */
  secure: boolean;
  /** Only a direct program on this machine may be the embedded deployment's local owner. */
  isLocalProgram: boolean;
}

export interface RequestSourcePolicy {
  trustedProxies: TrustedProxies;
  /** The secret of the dashboard's forwarded requests; undefined: no dashboard is trusted. */
  dashboardSecret?: string;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest();

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function fromDashboard(headers: IncomingHttpHeaders, secret: string | undefined): boolean {
  const sent = header(headers, DASHBOARD_HEADERS.secret);
  // digests have one length, so the comparison takes the same time whatever was sent
  return secret !== undefined && sent !== undefined && timingSafeEqual(sha256(sent), sha256(secret));
}

export function readRequestSource(request: IncomingMessage, policy: RequestSourcePolicy): RequestSource {
  const headers = request.headers;
  const peer = plainAddress(request.socket.remoteAddress ?? '');
  if (fromDashboard(headers, policy.dashboardSecret)) {
    const claimed = header(headers, DASHBOARD_HEADERS.clientAddress)?.trim() ?? '';
    return {
      channel: 'dashboard',
      address: net.isIP(claimed) ? plainAddress(claimed) : peer,
      secure: header(headers, DASHBOARD_HEADERS.clientProtocol) === 'https',
      isLocalProgram: false,
    };
  }
  const client = forwardedClient(peer, headers['x-forwarded-for'], headers['x-forwarded-proto'], policy.trustedProxies);
  const fromBrowser = headers.origin !== undefined || headers['sec-fetch-site'] !== undefined;
  const forwarded = FORWARDING_HEADERS.some((name) => headers[name] !== undefined);
  const channel: RequestChannel = fromBrowser ? 'browser' : forwarded ? 'proxied' : 'direct';
  return { channel, address: client.address, secure: client.protocol === 'https', isLocalProgram: channel === 'direct' && isLoopbackAddress(peer) };
}
