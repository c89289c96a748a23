// Hostile WebSocket clients of a team-mode API (issue 9): sockets without or with forged credentials, another
// team's job, too many subscriptions or sockets, oversized, deep, costly and broken messages. Each is refused
// with a clear close code or error, and the server keeps serving everyone else.
import { testDatabaseKind } from '@vad/db/testing';
import { digest, newSecret } from '../src/auth/secrets';
import { ProtocolSocket, RefusedUpgrade, type ServerMessage } from './protocol-socket';
import { startTeamApi, type TeamApi } from './start-team-api';

const LIMITS = { maxConnectionsPerAddress: 4, maxSubscriptionsPerConnection: 3 };
const DASHBOARD_PORT = 3999;

interface Payload {
  data?: { jobUpdated?: { id: string } } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}
const payload = (message: ServerMessage) => message.payload as Payload;
/** graphql-ws sends errors found before execution as an `error` message whose payload is the list. */
const errorsOf = (message: ServerMessage) => (message.type === 'error' ? (message.payload as Payload['errors']) : payload(message).errors) ?? [];

describe(`hostile WebSocket clients of a team-mode API on ${testDatabaseKind()}`, () => {
  let api: TeamApi;
  let url: string;
  let ownJobId: string;
  let otherJobId: string;
  let token: string;
  const sockets: ProtocolSocket[] = [];

  const open = async (headers: Record<string, string> = {}) => {
    const socket = await ProtocolSocket.open(url, headers);
    sockets.push(socket);
    return socket;
  };
  const connect = async (headers: Record<string, string> = { cookie: api.cookie }, init?: object) => {
    const socket = await ProtocolSocket.connect(url, headers, init);
    sockets.push(socket);
    return socket;
  };
  const touch = (id: string) => api.database.prisma.job.update({ where: { id }, data: { progress: { step: Math.random() } } });
  const viewerOverHttp = async () => {
    const response = await fetch(`${api.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: api.cookie },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    return response.json();
  };

  beforeAll(async () => {
    api = await startTeamApi({ subscriptionLimits: LIMITS, dashboardPort: DASHBOARD_PORT });
    url = `${api.base.replace('http', 'ws')}/graphql`;
    const prisma = api.database.prisma;
    ownJobId = (await prisma.job.create({ data: { teamId: api.teamId, kind: 'TRAIN', parameters: {} } })).id;
    const other = await prisma.team.create({ data: { slug: 'other', name: 'Other' } });
    otherJobId = (await prisma.job.create({ data: { teamId: other.id, kind: 'TRAIN', parameters: {} } })).id;
    token = newSecret('vadt');
    await prisma.apiToken.create({ data: { name: 'ci', tokenHash: digest(token), teamId: api.teamId, userId: api.userId, role: 'VIEWER' } });
  }, 60_000);
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  });
  afterAll(() => api.close());

  it("streams the owner's own job over a session, so that the refusals below are about the abuse", async () => {
    const socket = await connect();
    socket.subscribe('1', 'subscription($id: ID) { jobUpdated(id: $id) { id } }', { id: ownJobId });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await touch(ownJobId);
    const message = await socket.next();
    expect(message).toMatchObject({ id: '1', type: 'next' });
    expect(payload(message).data?.jobUpdated?.id).toBe(ownJobId);
  });

  it('accepts a valid API token sent in connection_init', async () => {
    await expect(connect({}, { authorization: `Bearer ${token}` })).resolves.toBeInstanceOf(ProtocolSocket);
  });

  describe('credentials', () => {
    it.each([
      ['no credentials at all', {}, undefined],
      ['a made-up token in connection_init', {}, { authorization: `Bearer ${newSecret('vadt')}` }],
      ['a made-up token in the upgrade request', { authorization: `Bearer ${newSecret('vadt')}` }, undefined],
      ['a session cookie that was never issued', { cookie: `vad_session=${newSecret('vads')}` }, undefined],
      ['a cookie with broken percent-encoding', { cookie: 'vad_session=%E0%A4%A' }, undefined],
      ['a 10 KB token', {}, { authorization: `Bearer vadt_${'A'.repeat(10_000)}` }],
    ])('closes a socket with %s as 4403 with a reason that says what to send', async (_name, headers, init) => {
      const socket = await open(headers);
      socket.send({ type: 'connection_init', ...(init ? { payload: init } : {}) });
      const closed = await socket.closed;
      expect(closed.code).toBe(4403);
      expect(closed.reason).toMatch(/unauthenticated: log in, or send .*authorization/);
    });

    it('refuses a session past its expiry and a revoked token', async () => {
      const expired = newSecret('vads');
      await api.database.prisma.session.create({ data: { tokenHash: digest(expired), userId: api.userId, expiresAt: new Date(Date.now() - 1_000) } });
      const revoked = newSecret('vadt');
      await api.database.prisma.apiToken.create({
        data: { name: 'old', tokenHash: digest(revoked), teamId: api.teamId, userId: api.userId, role: 'OWNER', revokedAt: new Date() },
      });
      await expect(connect({ cookie: `vad_session=${expired}` })).rejects.toThrow(/socket closed 4403/);
      await expect(connect({}, { authorization: `Bearer ${revoked}` })).rejects.toThrow(/socket closed 4403/);
    });

    it('closes a socket that subscribes before connection_init as 4401', async () => {
      const socket = await open({ cookie: api.cookie });
      socket.subscribe('1', 'subscription { jobUpdated { id } }');
      expect((await socket.closed).code).toBe(4401);
    });

    it('closes a socket that never sends connection_init after 3 s, so that idle sockets hold no slot', async () => {
      const socket = await open({ cookie: api.cookie });
      expect((await socket.closed).code).toBe(4408);
    }, 10_000);
  });

  describe('web pages (cross-site WebSocket hijacking)', () => {
    it('refuses the upgrade from a page of another site with 403, even carrying the session cookie', async () => {
      const refusal = await open({ cookie: api.cookie, origin: 'https://evil.example' }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(RefusedUpgrade);
      expect((refusal as RefusedUpgrade).status).toBe(403);
      expect((refusal as RefusedUpgrade).body).toMatch(/dashboard’s pages/);
    });

    it('refuses a page served from another port of this machine', async () => {
      await expect(open({ cookie: api.cookie, origin: 'http://127.0.0.1:8080' })).rejects.toMatchObject({ status: 403 });
    });

    it("accepts the dashboard's own pages", async () => {
      await expect(connect({ cookie: api.cookie, origin: `http://localhost:${DASHBOARD_PORT}` })).resolves.toBeInstanceOf(ProtocolSocket);
    });
  });

  describe("another team's jobs", () => {
    it("answers a subscription to another team's job with NOT_FOUND and no data", async () => {
      const socket = await connect();
      socket.subscribe('1', 'subscription($id: ID) { jobUpdated(id: $id) { id } }', { id: otherJobId });
      const message = await socket.next();
      expect(message.id).toBe('1');
      expect(payload(message).data ?? null).toBeNull();
      expect(errorsOf(message)[0]?.extensions?.code).toBe('NOT_FOUND');
      await touch(otherJobId);
      const rest = await socket.drain(1_000);
      expect(rest.every((m) => m.type === 'complete')).toBe(true);
    });

    it("never streams another team's job to a subscription to all jobs", async () => {
      const socket = await connect();
      socket.subscribe('all', 'subscription { jobUpdated { id } }');
      await new Promise((resolve) => setTimeout(resolve, 100));
      await touch(otherJobId);
      await touch(ownJobId);
      const seen = [await socket.next(), ...(await socket.drain(1_000))].map((m) => payload(m).data?.jobUpdated?.id);
      expect(seen).toContain(ownJobId);
      expect(seen).not.toContain(otherJobId);
    });
  });

  describe('limits', () => {
    it(`answers subscription number ${LIMITS.maxSubscriptionsPerConnection + 1} on one socket with FORBIDDEN, and takes one again after a complete`, async () => {
      const socket = await connect();
      for (let i = 1; i <= LIMITS.maxSubscriptionsPerConnection; i++) socket.subscribe(String(i), 'subscription { jobUpdated { id } }');
      socket.subscribe('over', 'subscription { jobUpdated { id } }');
      const refusal = await socket.next();
      expect(refusal).toMatchObject({ id: 'over', type: 'error' });
      expect(errorsOf(refusal)[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(errorsOf(refusal)[0].message).toMatch(/already has 3 live subscriptions, the most allowed; complete one first/);
      socket.send({ id: '1', type: 'complete' });
      socket.subscribe('again', 'subscription($id: ID) { jobUpdated(id: $id) { id } }', { id: ownJobId });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await touch(ownJobId);
      const messages = [await socket.next(), ...(await socket.drain(500))];
      expect(messages.some((m) => m.id === 'again' && m.type === 'next')).toBe(true);
      expect(messages.some((m) => m.type === 'error')).toBe(false);
    });

    it(`refuses socket number ${LIMITS.maxConnectionsPerAddress + 1} from one address with HTTP 429, and opens one again after a close`, async () => {
      for (let i = 0; i < LIMITS.maxConnectionsPerAddress; i++) await open({ cookie: api.cookie });
      const refusal = await open({ cookie: api.cookie }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(RefusedUpgrade);
      expect((refusal as RefusedUpgrade).status).toBe(429);
      await sockets.pop()?.close();
      await expect(open({ cookie: api.cookie })).resolves.toBeInstanceOf(ProtocolSocket);
    });

    it('closes a socket that sends a message over 64 KiB with 1009, and keeps serving', async () => {
      const socket = await connect();
      socket.subscribe('1', `subscription { jobUpdated { id } } # ${'x'.repeat(70 * 1024)}`);
      expect((await socket.closed).code).toBe(1009);
      expect(await viewerOverHttp()).toEqual({ data: { viewer: { role: 'OWNER' } } });
    });

    it('refuses a subscription nested deeper than 12 before it runs', async () => {
      const socket = await connect();
      const deep = `subscription { jobUpdated { ${'modelVersion { trainingJob { '.repeat(7)}id${' } }'.repeat(7)} } }`;
      socket.subscribe('deep', deep);
      const message = await socket.next();
      expect(message).toMatchObject({ id: 'deep', type: 'error' });
      expect(errorsOf(message)[0]).toMatchObject({
        message: expect.stringMatching(/query depth 16 exceeds the limit of 12/),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    });

    it('refuses a subscription whose estimated cost is over the limit', async () => {
      const socket = await connect();
      const aliases = Array.from({ length: 25 }, (_, i) => `l${i}: logs(last: 1000) { message }`).join(' ');
      socket.subscribe('costly', `subscription { jobUpdated { ${aliases} } }`);
      const message = await socket.next();
      expect(message).toMatchObject({ id: 'costly', type: 'error' });
      expect(errorsOf(message)[0]).toMatchObject({
        message: expect.stringMatching(/query cost \d+ exceeds the limit of 20000/),
        extensions: { code: 'BAD_USER_INPUT' },
      });
    });

    it('serves subscriptions only: a mutation over the socket is refused and does not run', async () => {
      const socket = await connect();
      socket.subscribe('m', 'mutation { createDataset(name: "over-ws") { id } }');
      const message = await socket.next();
      expect(message).toMatchObject({ id: 'm', type: 'error' });
      expect(errorsOf(message)[0].message).toMatch(/subscriptions only; send mutations to POST \/graphql/);
      expect(await api.database.prisma.dataset.count({ where: { name: 'over-ws' } })).toBe(0);
    });
  });

  describe('broken messages', () => {
    it('answers a document that does not parse with GRAPHQL_PARSE_FAILED and keeps the socket open', async () => {
      const socket = await connect();
      socket.subscribe('bad', 'subscription { jobUpdated { id }');
      const message = await socket.next();
      expect(message).toMatchObject({ id: 'bad', type: 'error' });
      expect(errorsOf(message)[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      socket.send({ type: 'ping' });
      expect(await socket.next()).toEqual({ type: 'pong' });
    });

    it.each([
      ['text that is not JSON', '{"type": "subscribe"'],
      ['JSON null', 'null'],
      ['an unknown message type', '{"type": "explode"}'],
      ['a subscribe without an id', '{"type": "subscribe", "payload": {"query": "subscription { jobUpdated { id } }"}}'],
      ['a subscribe whose query is not a string', '{"id": "1", "type": "subscribe", "payload": {"query": {"$ne": 1}}}'],
      ['binary garbage', Buffer.from([0xff, 0x00, 0xfe, 0x01])],
    ])('closes the socket on %s with 4400, and keeps serving', async (_name, frame) => {
      const socket = await connect();
      socket.send(frame);
      expect((await socket.closed).code).toBe(4400);
      expect(await viewerOverHttp()).toEqual({ data: { viewer: { role: 'OWNER' } } });
      await expect(connect()).resolves.toBeInstanceOf(ProtocolSocket);
    });

    it('closes a socket that sends connection_init twice with 4429', async () => {
      const socket = await connect();
      socket.send({ type: 'connection_init' });
      expect((await socket.closed).code).toBe(4429);
    });

    it('refuses a socket that does not speak graphql-transport-ws', async () => {
      const socket = await ProtocolSocket.open(url, { cookie: api.cookie }, 'graphql-ws').catch((error: unknown) => error);
      // ws refuses the handshake itself when no offered subprotocol is accepted
      expect(socket).toBeInstanceOf(Error);
    });
  });
});
