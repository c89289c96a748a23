// Run-time settings for the browser: where the API's GraphQL WebSocket (subscriptions) listens.
import type { NextRequest } from 'next/server';
import { apiUrl } from '../api-url';
import { apiWsUrl } from '../api-ws-url';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest): Response {
  const url = process.env.VAD_PUBLIC_WS_URL || apiWsUrl(apiUrl(), request.nextUrl.hostname);
  return Response.json({ apiWsUrl: url }, { headers: { 'cache-control': 'no-store' } });
}
