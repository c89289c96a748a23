/** @jest-environment node */
// The dashboard's proxy routes in front of a stand-in API that records what reaches it (issue 14, items 1
// and 6): a page of another origin gets nothing through, the browser's own requests go on with its content
// type, the dashboard's secret and the browser's address, and an embedded deployment's browser gets a
// session of its own instead of the API taking the dashboard for its owner.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { POST as graphqlRoute } from './graphql/route';
import { GET as filesRoute } from './files/[...path]/route';
import { POST as uploadsRoute } from './uploads/route';
import { POST as masksRoute } from './uploads/videos/[videoId]/masks/route';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe('the proxy routes', () => {
  let api: http.Server;
  let received: Received[];
  const environment = { ...process.env };

  beforeAll(async () => {
    api = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ path: request.url ?? '', headers: request.headers, body });
        response.setHeader('content-type', 'application/json');
        if (body.includes('startLocalSession')) {
          response.setHeader('set-cookie', 'vad_session=vads_fresh; Path=/; HttpOnly; SameSite=Strict');
          response.end(JSON.stringify({ data: { startLocalSession: { role: 'OWNER' } } }));
        } else if (request.headers.cookie?.includes('vad_session=vads_stale')) {
          response.end(JSON.stringify({ data: null, errors: [{ message: 'log in', extensions: { code: 'UNAUTHENTICATED' } }] }));
        } else {
          response.end(JSON.stringify({ data: { viewer: { role: 'OWNER' } } }));
        }
      });
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  });
  beforeEach(() => {
    received = [];
    process.env.VAD_API_URL = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    process.env.VAD_DASHBOARD_SECRET = 'secret-of-this-run';
    process.env.VAD_FRONT_DOOR = '1';
    process.env.VAD_DEPLOYMENT_MODE = 'embedded';
  });
  afterAll(async () => {
    process.env = environment;
    await new Promise((resolve) => api.close(resolve));
  });

  /** A browser's request as it reaches the route, after the front door wrote the forwarding headers. */
  const browserPost = (body: string, headers: Record<string, string>) =>
    new Request('http://127.0.0.1:3000/graphql', {
      method: 'POST',
      headers: { host: '127.0.0.1:3000', 'x-forwarded-for': '192.0.2.44', 'x-forwarded-proto': 'http', ...headers },
      body,
    });
  const ownerInvite = 'mutation { inviteMember(email: "mallory@evil.example", name: "M", role: OWNER, password: "0123456789") { role } }';

  it.each([
    [
      'a text/plain form from a page on another port of this machine',
      { origin: 'http://127.0.0.1:8080', 'sec-fetch-site': 'same-site', 'content-type': 'text/plain' },
      403,
    ],
    ['a text/plain form without Origin (an old browser)', { 'content-type': 'text/plain' }, 415],
    ['a form-encoded post from the same origin', { origin: 'http://127.0.0.1:3000', 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ['JSON from another site', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, 403],
  ])('passes nothing of %s to the API, not even a request for a session', async (_name, headers, status) => {
    const answer = await graphqlRoute(browserPost(JSON.stringify({ query: ownerInvite }), headers));
    expect(answer.status).toBe(status);
    expect(answer.headers.get('set-cookie')).toBeNull();
    expect(received).toEqual([]);
  });

  it("forwards the dashboard's own JSON with its content type, the secret and the browser's address, after getting the browser a session", async () => {
    const answer = await graphqlRoute(
      browserPost('{"query":"{ viewer { role } }"}', { origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' }),
    );
    expect(await answer.json()).toEqual({ data: { viewer: { role: 'OWNER' } } });
    expect(answer.headers.get('set-cookie')).toMatch(/^vad_session=vads_fresh; .*SameSite=Strict/);
    expect(received.map((r) => r.body.includes('startLocalSession'))).toEqual([true, false]);
    for (const request of received) {
      expect(request.headers).toMatchObject({
        'x-vad-dashboard-secret': 'secret-of-this-run',
        'x-vad-client-address': '192.0.2.44',
        'content-type': 'application/json',
      });
      expect(request.headers.origin).toBeUndefined();
    }
    expect(received[1].headers.cookie).toBe('vad_session=vads_fresh');
  });

  it('keeps the session a browser already has, and replaces one the API no longer knows', async () => {
    await graphqlRoute(browserPost('{"query":"{ viewer { role } }"}', { 'content-type': 'application/json', cookie: 'theme=dark; vad_session=vads_known' }));
    expect(received.map((r) => r.headers.cookie)).toEqual(['theme=dark; vad_session=vads_known']);
    received = [];
    const answer = await graphqlRoute(browserPost('{"query":"{ viewer { role } }"}', { 'content-type': 'application/json', cookie: 'vad_session=vads_stale' }));
    expect(await answer.json()).toEqual({ data: { viewer: { role: 'OWNER' } } });
    expect(received.map((r) => r.headers.cookie ?? null)).toEqual(['vad_session=vads_stale', null, 'vad_session=vads_fresh']);
  });

  it('asks for no session in team mode, where the browser logs in', async () => {
    process.env.VAD_DEPLOYMENT_MODE = 'team';
    const answer = await graphqlRoute(browserPost('{"query":"{ viewer { role } }"}', { 'content-type': 'application/json' }));
    expect(answer.headers.get('set-cookie')).toBeNull();
    expect(received).toHaveLength(1);
    expect(received[0].headers.cookie).toBeUndefined();
  });

  it('passes on no client address without the front door, where X-Forwarded-For is whatever the client wrote', async () => {
    delete process.env.VAD_FRONT_DOOR;
    process.env.VAD_DEPLOYMENT_MODE = 'team';
    await graphqlRoute(browserPost('{"query":"{ viewer { role } }"}', { 'content-type': 'application/json' }));
    expect(received[0].headers['x-vad-client-address']).toBeUndefined();
  });

  it('marks what it forwards even without a secret (next dev), so that the API never takes it for a local program', async () => {
    delete process.env.VAD_DASHBOARD_SECRET;
    process.env.VAD_DEPLOYMENT_MODE = 'team';
    await graphqlRoute(browserPost('{"query":"{ viewer { role } }"}', { 'content-type': 'application/json' }));
    expect(received[0].headers['x-vad-dashboard-secret']).toBe('none');
  });

  it('refuses an upload without X-Requested-With, and streams one with it', async () => {
    const upload = (headers: Record<string, string>) =>
      uploadsRoute(
        new Request('http://127.0.0.1:3000/uploads?datasetId=d&split=test', {
          method: 'POST',
          headers: { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'content-type': 'multipart/form-data; boundary=b', ...headers },
          body: '--b--\r\n',
        }),
      );
    expect((await upload({})).status).toBe(403);
    expect(received).toEqual([]);
    expect((await upload({ 'x-requested-with': 'XMLHttpRequest' })).status).toBe(200);
    expect(received.at(-1)).toMatchObject({ path: '/uploads?datasetId=d&split=test', headers: { 'x-requested-with': 'XMLHttpRequest' } });
  });

  it('streams a test video’s pixel masks to the API only from its own pages, and only for a video id', async () => {
    const upload = (videoId: string, headers: Record<string, string>) =>
      masksRoute(
        new Request(`http://127.0.0.1:3000/uploads/videos/${videoId}/masks`, {
          method: 'POST',
          headers: { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'content-type': 'multipart/form-data; boundary=b', ...headers },
          body: '--b--\r\n',
        }),
        { params: Promise.resolve({ videoId }) },
      );
    const id = '0b8e4a1c-5f0e-4a43-9d1e-2f4f4b9f7c11';
    expect((await upload(id, {})).status).toBe(403);
    expect((await upload(id, { origin: 'http://evil.test', 'x-requested-with': 'XMLHttpRequest' })).status).toBe(403);
    expect((await upload('..%2F..%2Fgraphql', { 'x-requested-with': 'XMLHttpRequest' })).status).toBe(400);
    expect(received).toEqual([]);
    expect((await upload(id, { 'x-requested-with': 'XMLHttpRequest' })).status).toBe(200);
    expect(received.at(-1)).toMatchObject({ path: `/uploads/videos/${id}/masks`, headers: { 'x-vad-dashboard-secret': 'secret-of-this-run' } });
  });

  it('serves files to its own pages only', async () => {
    const file = (site: string) =>
      filesRoute(new Request('http://127.0.0.1:3000/files/videos/v/frames/0.png', { headers: { host: '127.0.0.1:3000', 'sec-fetch-site': site } }), {
        params: Promise.resolve({ path: ['videos', 'v', 'frames', '0.png'] }),
      });
    expect((await file('same-site')).status).toBe(403);
    expect((await file('same-origin')).status).toBe(200);
  });
});
