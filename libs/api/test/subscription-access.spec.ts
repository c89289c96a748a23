// Who may keep a subscription socket, and how many (issue 14, items 5 and 11): a removed member's or a revoked
// token's socket stops at once, and any socket stops at its next event once its caller lost access somewhere
// else; sockets and subscriptions are capped per account, not only per address; strangers on many addresses
// cannot shut out signed-in users; and polling costs the same however many subscriptions are open.
import { testDatabaseKind } from '@vad/db/testing';
import { digest, hashPassword, newSecret } from '../src/auth/secrets';
import { ProtocolSocket, RefusedUpgrade, type ServerMessage } from './protocol-socket';
import { startEmbeddedApi, startTeamApi, type TeamApi } from './start-team-api';

const ALL_JOBS = 'subscription { jobUpdated { id } }';
const LIMITS = {
  maxConnectionsPerAddress: 10,
  maxConnectionsPerPrincipal: 3,
  maxSubscriptionsPerConnection: 3,
  maxSubscriptionsPerPrincipal: 4,
  maxPendingConnections: 4,
};

const DASHBOARD_PORT = 3999;
/** A page of the dashboard without a session: on this machine too, never the embedded local owner. */
const STRANGER = { origin: `http://127.0.0.1:${DASHBOARD_PORT}` };

const jobIdOf = (message: ServerMessage) => (message.payload as { data?: { jobUpdated?: { id: string } } }).data?.jobUpdated?.id;
const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each([
  ['team', startTeamApi],
  ['embedded', startEmbeddedApi],
])(`subscription sockets of a %s API on ${testDatabaseKind()}`, (mode, start) => {
  let api: TeamApi;
  let url: string;
  let jobId: string;
  const sockets: ProtocolSocket[] = [];

  /** Credentials of the team's owner: the session cookie (team), or a token of the local owner (embedded). */
  let owner: { headers: Record<string, string>; init?: object };
  const connect = async (headers: Record<string, string>, init?: object, localAddress?: string) => {
    const socket = await ProtocolSocket.connect(url, headers, init, localAddress);
    sockets.push(socket);
    return socket;
  };
  const open = async (headers: Record<string, string>, localAddress?: string) => {
    const socket = await ProtocolSocket.open(url, headers, undefined, localAddress);
    sockets.push(socket);
    return socket;
  };
  const touch = () => api.database.prisma.job.update({ where: { id: jobId }, data: { progress: { step: Math.random() } } });
  const token = async (userId: string) => {
    const secret = newSecret('vadt');
    const row = await api.database.prisma.apiToken.create({ data: { name: 'ws', tokenHash: digest(secret), teamId: api.teamId, userId, role: 'VIEWER' } });
    return { secret, id: row.id };
  };

  beforeAll(async () => {
    api = await start({ subscriptionLimits: LIMITS, jobPollMs: 100, dashboardPort: DASHBOARD_PORT });
    url = `${api.base.replace('http', 'ws')}/graphql`;
    jobId = (await api.database.prisma.job.create({ data: { teamId: api.teamId, kind: 'TRAIN', parameters: {} } })).id;
    owner = mode === 'team' ? { headers: { cookie: api.cookie } } : { headers: { authorization: `Bearer ${(await token(api.userId)).secret}` } };
  }, 60_000);
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((socket) => socket.close()));
    await settle(50);
  });
  afterAll(() => api.close());

  it('closes a revoked token’s socket at once, and sends it nothing more', async () => {
    const { secret, id } = await token(api.userId);
    const socket = await connect({}, { authorization: `Bearer ${secret}` });
    socket.subscribe('all', ALL_JOBS);
    await settle();
    const revoke = await fetch(`${api.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...owner.headers },
      body: JSON.stringify({ query: 'mutation($id: ID!) { revokeApiToken(id: $id) { id } }', variables: { id } }),
    });
    expect((await revoke.json()).errors).toBeUndefined();
    expect((await socket.closed).code).toBe(4403);
  });

  it('checks the caller again before each event: a token revoked where this server did not see it gets nothing', async () => {
    const { secret, id } = await token(api.userId);
    const socket = await connect({}, { authorization: `Bearer ${secret}` });
    socket.subscribe('all', ALL_JOBS);
    // updates from before the revocation are the token's to see
    await socket.drain(300);
    // as another API process would: straight in the store, no event reaches this one
    await api.database.prisma.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await touch();
    const closed = await socket.closed;
    expect(closed.code).toBe(4403);
    expect((await socket.drain(0)).some((message) => jobIdOf(message) === jobId)).toBe(false);
  });

  it('caps sockets per account, whatever addresses they come from', async () => {
    for (const address of ['127.0.0.2', '127.0.0.3', '127.0.0.4']) await connect(owner.headers, owner.init, address);
    const refusal = await open(owner.headers, '127.0.0.5').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RefusedUpgrade);
    expect((refusal as RefusedUpgrade).status).toBe(429);
    expect((refusal as RefusedUpgrade).body).toMatch(/this account has 3 subscription sockets open/);
  });

  it('caps live subscriptions per account over all its sockets', async () => {
    const first = await connect(owner.headers, owner.init);
    const second = await connect(owner.headers, owner.init);
    for (const id of ['1', '2', '3']) first.subscribe(id, ALL_JOBS);
    second.subscribe('4', ALL_JOBS);
    second.subscribe('5', ALL_JOBS);
    const refusal = await second.next();
    expect(refusal).toMatchObject({ id: '5', type: 'error' });
    expect(JSON.stringify(refusal.payload)).toMatch(/this account already has 4 live subscriptions/);
  });

  it('lets strangers on many addresses fill only the pool of sockets waiting to authenticate, not shut out signed-in users', async () => {
    for (const address of ['127.0.0.10', '127.0.0.11', '127.0.0.12', '127.0.0.13']) await open(STRANGER, address);
    const stranger = await open(STRANGER, '127.0.0.14').catch((error: unknown) => error);
    expect((stranger as RefusedUpgrade).status).toBe(503);
    const member = await connect(owner.headers, owner.init, '127.0.0.15');
    member.subscribe('all', ALL_JOBS);
    await settle();
    await touch();
    expect(jobIdOf(await member.next())).toBe(jobId);
  });

  it('polls the store as often with many subscriptions as with one', async () => {
    const findMany = jest.spyOn(api.database.prisma.job, 'findMany');
    const first = await connect(owner.headers, owner.init);
    first.subscribe('1', ALL_JOBS);
    await settle(1_000);
    const withOne = findMany.mock.calls.length;
    findMany.mockClear();
    // as many as an account may have (and as many of a second account in team mode)
    const second = await connect(owner.headers, owner.init);
    for (const id of ['2', '3']) first.subscribe(id, ALL_JOBS);
    second.subscribe('4', ALL_JOBS);
    if (mode === 'team') {
      const mia = await memberSession(api);
      for (const socket of [await connect(mia), await connect(mia)]) for (const id of ['a', 'b']) socket.subscribe(id, ALL_JOBS);
    }
    await settle(1_000);
    // one poll per interval either way (a poll per subscription would be four or eight times as many)
    expect(findMany.mock.calls.length).toBeLessThanOrEqual(2 * withOne);
    expect(findMany.mock.calls.length).toBeGreaterThan(0);
    findMany.mockRestore();
  });

  if (mode === 'team') {
    it('closes a removed member’s socket at once, and sends it nothing more', async () => {
      const mia = await memberSession(api);
      const socket = await connect(mia);
      socket.subscribe('all', ALL_JOBS);
      await socket.drain(300);
      const miaId = (await api.database.prisma.user.findFirstOrThrow({ where: { email: { startsWith: 'mia' } }, orderBy: { createdAt: 'desc' } })).id;
      await fetch(`${api.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: api.cookie },
        body: JSON.stringify({ query: 'mutation($u: ID!) { removeMember(userId: $u) }', variables: { u: miaId } }),
      });
      expect((await socket.closed).code).toBe(4403);
      await touch();
      expect((await socket.drain(300)).some((message) => jobIdOf(message) === jobId)).toBe(false);
    });
  }
});

let members = 0;
/** A new member of the API's team, logged in: their session cookie. */
async function memberSession(api: TeamApi): Promise<Record<string, string>> {
  const email = `mia${++members}@abuse.test`;
  const user = await api.database.prisma.user.create({ data: { email, name: 'Mia', passwordHash: await hashPassword('mia has a long password') } });
  await api.database.prisma.membership.create({ data: { teamId: api.teamId, userId: user.id, role: 'MEMBER' } });
  const login = await fetch(`${api.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation { login(email: "${email}", password: "mia has a long password") { role } }` }),
  });
  return { cookie: login.headers.get('set-cookie')?.split(';')[0] ?? '' };
}
