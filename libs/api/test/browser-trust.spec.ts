// Web pages and proxies against the API (issue 14, items 1, 2 and 8): the embedded deployment trusts programs
// on this machine as its owner, and must extend that trust neither to a web page (directly, through the
// dashboard's proxy, or by rebinding its own DNS name to 127.0.0.1) nor to what a reverse proxy forwards.
// Uploads, which any page can post without a preflight, must not ride on a session cookie.
import { testDatabaseKind } from '@vad/db/testing';
import { ProtocolSocket, RefusedUpgrade } from './protocol-socket';
import { bodyOf, codeOf, graphqlPost, rawRequest } from './raw-request';
import { DASHBOARD_SECRET, startEmbeddedApi, startTeamApi, type TeamApi } from './start-team-api';

const VIEWER = '{ viewer { role } }';
const DASHBOARD = { 'x-vad-dashboard-secret': DASHBOARD_SECRET, 'x-vad-client-address': '127.0.0.1' };
const DASHBOARD_PORT = 3999;

/** A multipart body with one small "video" and the headers that go with it. */
function multipart(headers: Record<string, string>) {
  const boundary = 'vadboundary';
  const body = [
    `--${boundary}`,
    'Content-Disposition: form-data; name="file"; filename="walk.mp4"',
    'Content-Type: video/mp4',
    '',
    'not really a video',
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers }, body };
}

describe(`an embedded API on ${testDatabaseKind()}, as web pages and proxies see it`, () => {
  let api: TeamApi;
  beforeAll(async () => {
    api = await startEmbeddedApi({ dashboardPort: DASHBOARD_PORT });
  }, 60_000);
  afterAll(() => api.close());

  it('takes a program on this machine for its local owner, so that the refusals below are about the page', async () => {
    expect(bodyOf(await graphqlPost(api.base, VIEWER)).data).toEqual({ viewer: { role: 'OWNER' } });
  });

  describe('the local owner', () => {
    it.each([
      ['a page of another site', { origin: 'https://evil.example' }],
      ['a page on another port of this machine', { origin: 'http://127.0.0.1:8080', 'sec-fetch-site': 'same-site' }],
      ['a page that sends only Sec-Fetch-Site', { 'sec-fetch-site': 'cross-site' }],
      ['a request the dashboard forwards for a browser without a session', DASHBOARD],
      ['a request with a wrong dashboard secret', { ...DASHBOARD, 'x-vad-dashboard-secret': 'guessed' }],
      ['a request a reverse proxy on this machine forwards', { 'x-forwarded-for': '203.0.113.9' }],
    ])('is never %s', async (_name, headers) => {
      const answer = await graphqlPost(api.base, VIEWER, headers);
      expect(codeOf(answer)).toBe('UNAUTHENTICATED');
    });

    it('is never a browser that opens a subscription socket without a session, even from the dashboard’s own page', async () => {
      const socket = await ProtocolSocket.open(`${api.base.replace('http', 'ws')}/graphql`, { origin: `http://127.0.0.1:${DASHBOARD_PORT}` });
      socket.send({ type: 'connection_init' });
      expect((await socket.closed).code).toBe(4403);
    });
  });

  describe('local sessions for the dashboard’s browsers', () => {
    it('are handed to the dashboard, by its secret, and then make its browser the owner', async () => {
      const started = await graphqlPost(api.base, 'mutation { startLocalSession { role } }', DASHBOARD);
      expect(bodyOf(started).data).toEqual({ startLocalSession: { role: 'OWNER' } });
      const cookie = String(started.headers['set-cookie']?.[0] ?? '');
      expect(cookie).toMatch(/^vad_session=vads_[\w-]+; .*HttpOnly; SameSite=Strict/);
      expect(cookie).not.toMatch(/Secure/);
      const viewer = await graphqlPost(api.base, VIEWER, { ...DASHBOARD, cookie: cookie.split(';')[0] });
      expect(bodyOf(viewer).data).toEqual({ viewer: { role: 'OWNER' } });
    });

    it('carry Secure when the browser reached the dashboard over https', async () => {
      const started = await graphqlPost(api.base, 'mutation { startLocalSession { role } }', { ...DASHBOARD, 'x-vad-client-protocol': 'https' });
      expect(String(started.headers['set-cookie']?.[0])).toMatch(/; Secure/);
    });

    it.each([
      ['a browser on another machine', { ...DASHBOARD, 'x-vad-client-address': '192.0.2.10' }],
      ['a program on this machine', {}],
      ['a web page', { origin: 'http://127.0.0.1:3000' }],
      ['a wrong dashboard secret', { ...DASHBOARD, 'x-vad-dashboard-secret': 'guessed' }],
    ])('are refused to %s', async (_name, headers) => {
      const answer = await graphqlPost(api.base, 'mutation { startLocalSession { role } }', headers);
      expect(codeOf(answer)).toBe('FORBIDDEN');
      expect(answer.headers['set-cookie']).toBeUndefined();
    });
  });

  describe('DNS rebinding', () => {
    it.each(['attacker.example', 'attacker.example:4000', '127.0.0.1.nip.io', 'localhost.attacker.example'])(
      'refuses GraphQL addressed to host "%s" with 403',
      async (host) => {
        const answer = await graphqlPost(api.base, VIEWER, { host });
        expect(answer.status).toBe(403);
        expect(answer.text).toMatch(/does not answer to that host name.*VAD_ALLOWED_HOSTS/);
        expect(answer.text).not.toMatch(/OWNER/);
      },
    );

    it('refuses the file and upload routes addressed to a foreign host', async () => {
      expect((await rawRequest(api.base, { path: '/files/videos/x/frames/0.png', headers: { host: 'attacker.example' } })).status).toBe(403);
      expect((await rawRequest(api.base, { method: 'POST', path: '/uploads?datasetId=x&split=test', headers: { host: 'attacker.example' } })).status).toBe(403);
    });

    it('refuses a subscription socket addressed to a foreign host, even from "its own" dashboard port', async () => {
      const url = `${api.base.replace('http', 'ws')}/graphql`;
      // the rebound page's origin has the dashboard's port and the host the socket was addressed to
      const refusal = await ProtocolSocket.open(url, { host: 'attacker.example:4000', origin: `http://attacker.example:${DASHBOARD_PORT}` }).catch(
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(RefusedUpgrade);
      expect((refusal as RefusedUpgrade).status).toBe(403);
    });

    it.each(['localhost:4000', '127.0.0.1', '[::1]:4000', 'vad.localhost'])('answers the loopback name "%s"', async (host) => {
      expect(bodyOf(await graphqlPost(api.base, VIEWER, { host })).data).toEqual({ viewer: { role: 'OWNER' } });
    });
  });
});

describe(`an embedded API with VAD_ALLOWED_HOSTS on ${testDatabaseKind()}`, () => {
  let api: TeamApi;
  beforeAll(async () => {
    api = await startEmbeddedApi({ allowedHosts: ['vad.lab.example'] });
  }, 60_000);
  afterAll(() => api.close());

  it('answers the configured name, and still no other', async () => {
    expect((await graphqlPost(api.base, VIEWER, { host: 'VAD.lab.example:4000' })).status).toBe(200);
    expect((await graphqlPost(api.base, VIEWER, { host: 'other.example' })).status).toBe(403);
  });
});

describe(`uploads to a team-mode API on ${testDatabaseKind()}`, () => {
  let api: TeamApi;
  let datasetId: string;
  beforeAll(async () => {
    api = await startTeamApi({ allowedHosts: ['vad.example.org'] });
    datasetId = (await api.database.prisma.dataset.create({ data: { teamId: api.teamId, name: 'uploads' } })).id;
  }, 60_000);
  afterAll(() => api.close());

  const upload = (headers: Record<string, string>) =>
    rawRequest(api.base, { method: 'POST', path: `/uploads?datasetId=${datasetId}&split=test&name=walk`, ...multipart(headers) });

  it('refuses a cookie-authenticated multipart post from a page of another origin', async () => {
    const answer = await upload({ cookie: api.cookie, origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
    expect(await api.database.prisma.job.count()).toBe(0);
  });

  it('refuses a cookie-authenticated upload without X-Requested-With, which a form of another origin cannot add', async () => {
    const answer = await upload({ cookie: api.cookie });
    expect(answer.status).toBe(403);
    expect(answer.text).toMatch(/x-requested-with/);
    expect(await api.database.prisma.job.count()).toBe(0);
  });

  it('takes the upload with X-Requested-With (as the dashboard forwards it)', async () => {
    const answer = await upload({ cookie: api.cookie, 'x-requested-with': 'XMLHttpRequest', ...DASHBOARD });
    expect(answer.status).toBe(202);
  });

  it('answers the configured host name and refuses others when VAD_ALLOWED_HOSTS is set in team mode', async () => {
    expect((await graphqlPost(api.base, VIEWER, { host: 'vad.example.org', cookie: api.cookie })).status).toBe(200);
    expect((await graphqlPost(api.base, VIEWER, { host: 'rebound.example', cookie: api.cookie })).status).toBe(403);
  });
});
