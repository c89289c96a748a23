// What errors tell a client (issue 14, item 10): no store error text, no stack, no schema hints for callers
// who have not signed in, no framework HTML; and a session cookie marked Secure when the browser came over
// https. Both deployments, outside production (plain `npm start`), where stack traces used to reach clients.
import { testDatabaseKind } from '@vad/db/testing';
import { bodyOf, codeOf, graphqlPost, rawRequest } from './raw-request';
import { DASHBOARD_SECRET, OWNER, startEmbeddedApi, startTeamApi, type TeamApi } from './start-team-api';

const SECRET_TEXT = 'could not connect to /srv/vad/secret-socket as vad_admin';

describe.each([
  ['embedded', startEmbeddedApi],
  ['team', startTeamApi],
])(`errors of a %s API on ${testDatabaseKind()}`, (mode, start) => {
  let api: TeamApi;
  let signedIn: Record<string, string>;
  /** A caller who has not signed in: anyone in team mode, a web page in embedded mode. */
  const anonymous: Record<string, string> = mode === 'team' ? {} : { origin: 'http://127.0.0.1:3000' };
  const logs: string[] = [];

  beforeAll(async () => {
    api = await start({ log: (line) => logs.push(line) });
    signedIn = api.cookie ? { cookie: api.cookie } : {};
  }, 60_000);
  afterAll(() => api.close());

  it.each([
    ['a variable', 'query($id: ID!) { dataset(id: $id) { id } }', { id: 'a\u0000b' }],
    ['a string literal', '{ dataset(id: "a\\u0000b") { id } }', {}],
  ])('answers a NUL character in %s as bad input, without the store’s error', async (_where, query, variables) => {
    const answer = await graphqlPost(api.base, query, signedIn, variables);
    expect(answer.status).toBe(400);
    expect(codeOf(answer)).toBe('BAD_USER_INPUT');
    expect(answer.text).not.toMatch(/byte sequence|prisma|0x00|postgres/i);
  });

  it('masks an unexpected error as "internal error", without its message or stack, and logs it', async () => {
    const failing = jest.spyOn(api.database.prisma.dataset, 'findMany').mockRejectedValue(new Error(SECRET_TEXT));
    const answer = await graphqlPost(api.base, '{ datasets { id } }', signedIn);
    failing.mockRestore();
    expect(bodyOf(answer).errors).toEqual([{ message: 'internal error', path: ['datasets'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(answer.text).not.toMatch(/secret-socket|vad_admin|at /);
    expect(logs.join('\n')).toMatch(/unexpected error at datasets: Error: could not connect to \/srv\/vad\/secret-socket/);
  });

  it('gives no "Did you mean" to a caller who has not signed in, and keeps it for members', async () => {
    const stranger = await graphqlPost(api.base, '{ viewr { role } }', anonymous);
    expect(bodyOf(stranger).errors?.[0].message).toBe('Cannot query field "viewr" on type "Query".');
    const member = await graphqlPost(api.base, '{ viewr { role } }', signedIn);
    expect(bodyOf(member).errors?.[0].message).toMatch(/Did you mean "viewer"/);
  });

  it('tells a caller who has not signed in that the store is down, but not why', async () => {
    const down = jest.spyOn(api.database, 'ping').mockRejectedValue(new Error(SECRET_TEXT));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const health = await graphqlPost(api.base, '{ health { database } }', anonymous);
    down.mockRestore();
    expect(bodyOf(health).data).toEqual({ health: { database: `${testDatabaseKind()} unavailable` } });
  });

  it('answers an unknown route with a JSON 404, not Express’s HTML page', async () => {
    const answer = await rawRequest(api.base, { path: '/admin/<script>' });
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toMatch(/application\/json/);
    expect(answer.json).toEqual({ error: { code: 'NOT_FOUND', message: 'no such route; GraphQL is served at /graphql' } });
  });
});

describe(`errors of an API with VAD_DEBUG on ${testDatabaseKind()}`, () => {
  let api: TeamApi;
  beforeAll(async () => {
    api = await startEmbeddedApi({ debug: true, log: () => undefined });
  }, 60_000);
  afterAll(() => api.close());

  it('shows unexpected errors with their message and stack, for development', async () => {
    const failing = jest.spyOn(api.database.prisma.dataset, 'findMany').mockRejectedValue(new Error(SECRET_TEXT));
    const answer = await graphqlPost(api.base, '{ datasets { id } }');
    failing.mockRestore();
    expect(bodyOf(answer).errors?.[0]).toMatchObject({ message: SECRET_TEXT, extensions: { stacktrace: expect.any(Array) } });
  });
});

describe(`the session cookie of a team-mode API on ${testDatabaseKind()}`, () => {
  let api: TeamApi;
  beforeAll(async () => {
    api = await startTeamApi({ trustedProxies: ['127.0.0.8'] });
  }, 60_000);
  afterAll(() => api.close());

  const loginCookie = async (headers: Record<string, string>, localAddress?: string) => {
    const answer = await graphqlPost(
      api.base,
      `mutation { login(email: "${OWNER.email}", password: "${OWNER.password}") { role } }`,
      headers,
      {},
      localAddress,
    );
    return String(answer.headers['set-cookie']?.[0] ?? '');
  };

  it('is Secure when the browser reached the dashboard over https, and not over http', async () => {
    const dashboard = { 'x-vad-dashboard-secret': DASHBOARD_SECRET, 'x-vad-client-address': '192.0.2.1' };
    expect(await loginCookie({ ...dashboard, 'x-vad-client-protocol': 'https' })).toMatch(/; Secure/);
    expect(await loginCookie(dashboard)).not.toMatch(/Secure/);
  });

  it('is Secure behind a trusted reverse proxy that says https, and a client cannot say so itself', async () => {
    expect(await loginCookie({ 'x-forwarded-proto': 'https', 'x-forwarded-for': '192.0.2.2' }, '127.0.0.8')).toMatch(/; Secure/);
    expect(await loginCookie({ 'x-forwarded-proto': 'https' })).not.toMatch(/Secure/);
  });

  it('is SameSite=Strict and httpOnly', async () => {
    expect(await loginCookie({})).toMatch(/HttpOnly; SameSite=Strict/);
  });
});
