// Hostile requests against a team-mode API (issue 9): oversized and batched GraphQL, forged and expired
// credentials, path tricks on the file routes. Each must be answered with a clear 4xx, never a 500.
import { testDatabaseKind } from '@vad/db/testing';
import { digest, newSecret } from '../src/auth/secrets';
import { startTeamApi, type TeamApi } from './start-team-api';

interface GraphQLError {
  message: string;
  extensions?: { code?: string };
}

interface Answer {
  status: number;
  /** The parsed JSON body: a GraphQL response, a batch, or an HTTP route's { error }. */
  body: unknown;
  text: string;
}

const firstError = (body: unknown): GraphQLError | undefined => (body as { errors?: GraphQLError[] }).errors?.[0];

describe(`hostile requests to a team-mode API on ${testDatabaseKind()}`, () => {
  let api: TeamApi;
  let base: string;
  let cookie: string;

  const send = async (body: string, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, ...headers }, body });
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    return { status: response.status, body: parsed, text };
  };
  const post = (query: string, variables: object = {}, headers: Record<string, string> = {}) => send(JSON.stringify({ query, variables }), headers);
  const get = async (route: string, headers: Record<string, string> = { cookie }) => {
    const response = await fetch(`${base}${route}`, { headers });
    return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
  };

  beforeAll(async () => {
    api = await startTeamApi();
    ({ base, cookie } = api);
  }, 60_000);
  afterAll(() => api.close());

  it('starts from a working session, so that the refusals below are about the abuse and not the login', async () => {
    expect(cookie).toMatch(/^vad_session=vads_/);
    expect((await post('{ viewer { role } }')).body).toEqual({ data: { viewer: { role: 'OWNER' } } });
  });

  describe('GraphQL', () => {
    // The complexity counter gives up past 10,000 nodes; the cost plugin turns that into a 400.
    it('refuses 5,000 aliases of one field as bad input, not as a server error', async () => {
      const aliases = Array.from({ length: 5_000 }, (_, i) => `a${i}: viewer { role }`).join(' ');
      const { status, body } = await post(`{ ${aliases} }`);
      expect(status).toBe(400);
      expect(firstError(body)?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('refuses 200 aliases of a page of jobs by their estimated cost', async () => {
      const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: jobs(first: 100) { nodes { id } }`).join(' ');
      const { status, body } = await post(`{ ${aliases} }`);
      expect(status).toBe(400);
      expect(firstError(body)?.message).toMatch(/query cost \d+ exceeds the limit of 20000/);
    });

    it('refuses a batch of operations in one POST instead of running each of them', async () => {
      const batch = Array.from({ length: 50 }, () => ({ query: 'mutation { createDataset(name: "batched") { id } }' }));
      const { status, text } = await send(JSON.stringify(batch));
      expect(status).toBe(400);
      expect(text).toMatch(/batching/i);
      expect(await api.database.prisma.dataset.count({ where: { name: 'batched' } })).toBe(0);
    });

    it('refuses variables that make the body larger than 1 MB with 413', async () => {
      const { status } = await post('query($id: ID!) { dataset(id: $id) { id } }', { id: 'x'.repeat(1_100_000) });
      expect(status).toBe(413);
    });

    // The complexity counter reads variables before Apollo checks them; a bad one must still be a 400.
    it.each([1, 10_000])('refuses a variable of the wrong type nested %i deep as bad input', async (depth) => {
      const body = `{"query": "query($id: ID!) { dataset(id: $id) { id } }", "variables": {"id": ${'['.repeat(depth)}"leaf"${']'.repeat(depth)}}}`;
      const answer = await send(body);
      expect(answer.status).toBe(400);
      expect(firstError(answer.body)?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('refuses a query that repeats one field 10,000 times in validation, quickly', async () => {
      const started = Date.now();
      const { status, body } = await post(`{ viewer { ${'role '.repeat(10_000)} } }`);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(status).toBe(400);
      expect(firstError(body)?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('refuses a query of 10,000 distinct aliased fields as bad input, not as a server error', async () => {
      const fields = Array.from({ length: 10_000 }, (_, i) => `f${i}: role`).join(' ');
      const { status, body } = await post(`{ viewer { ${fields} } }`);
      expect(status).toBe(400);
      expect(firstError(body)?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('answers a body that is not JSON with 400', async () => {
      const { status } = await send('{"query": "{ viewer { role } }"');
      expect(status).toBe(400);
    });
  });

  describe('credentials', () => {
    it('treats a session past its expiry as no session (UNAUTHENTICATED)', async () => {
      const secret = newSecret('vads');
      await api.database.prisma.session.create({ data: { tokenHash: digest(secret), userId: api.userId, expiresAt: new Date(Date.now() - 1_000) } });
      const { status, body } = await post('{ viewer { role } }', {}, { cookie: `vad_session=${secret}` });
      expect(status).toBeLessThan(500);
      expect(firstError(body)?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('treats a session cookie that was never issued as UNAUTHENTICATED', async () => {
      const { body } = await post('{ viewer { role } }', {}, { cookie: `vad_session=${newSecret('vads')}` });
      expect(firstError(body)?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it.each([
      ['a made-up token', `Bearer ${newSecret('vadt')}`],
      ['the session secret used as a token', 'SESSION'],
      ['a 10 KB token', `Bearer vadt_${'A'.repeat(10_000)}`],
      ['an empty bearer', 'Bearer '],
      ['another scheme', 'Basic ZXZlOmNvcnJlY3QgaG9yc2UgYmF0dGVyeQ=='],
    ])('refuses %s without falling back to the session it is sent with', async (_name, authorization) => {
      const header = authorization === 'SESSION' ? `Bearer ${cookie.replace('vad_session=', '')}` : authorization;
      const { status, body } = await post('{ viewer { role } }', {}, { authorization: header, cookie: '' });
      expect(status).toBeLessThan(500);
      expect(firstError(body)?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    // A cookie with broken percent-encoding is no session, not a server error.
    it('answers a cookie with broken percent-encoding as UNAUTHENTICATED, not as a server error', async () => {
      const { status, body } = await post('{ viewer { role } }', {}, { cookie: 'vad_session=%E0%A4%A' });
      expect(status).toBeLessThan(500);
      expect(firstError(body)?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('answers a file request with a broken cookie with 401, not 500', async () => {
      const { status } = await get('/files/videos/00000000-0000-0000-0000-000000000000/frames/0.png', { cookie: 'vad_session=%E0%A4%A' });
      expect(status).toBe(401);
    });
  });

  describe('file routes', () => {
    it.each([
      ['an encoded path traversal as video id', '/files/videos/..%2f..%2fetc%2fpasswd/frames/0.png', 404],
      ['a double-encoded traversal', '/files/videos/%252e%252e%252fetc/frames/0.png', 404],
      ['a negative map frame', '/files/runs/00000000-0000-0000-0000-000000000000/maps/-1.png', 400],
      ['a non-numeric frame', '/files/videos/00000000-0000-0000-0000-000000000000/frames/abc.png', 400],
      ['a fractional frame', '/files/videos/00000000-0000-0000-0000-000000000000/frames/1.5.png', 400],
      ['an unknown map component', '/files/runs/00000000-0000-0000-0000-000000000000/maps/0.png?component=..%2f..%2fetc', 400],
      ['a gain that is not a number', '/files/runs/00000000-0000-0000-0000-000000000000/maps/0.png?gain=NaN', 400],
      ['a preview count out of range', '/files/dataset-versions/00000000-0000-0000-0000-000000000000/synthetic-preview.png?count=1e9', 400],
    ])('answers %s (%s) with a JSON %d', async (_name, route, expected) => {
      const { status, body } = await get(route);
      expect(status).toBe(expected);
      expect(body.error?.code).toMatch(/^(NOT_FOUND|BAD_USER_INPUT)$/);
    });

    it('answers an unauthenticated traversal attempt with 401 before looking at the path', async () => {
      const { status } = await get('/files/videos/..%2f..%2fetc%2fpasswd/frames/0.png', {});
      expect(status).toBe(401);
    });
  });
});
