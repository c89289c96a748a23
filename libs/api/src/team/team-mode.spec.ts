// Team mode end to end over HTTP: accounts, sessions, API tokens, roles and isolation between teams.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '@vad/db/testing';
import { InProcessQueueDriver } from '@vad/queue';
import { LocalStorage } from '@vad/storage';
import { hashPassword } from '../auth/secrets';
import { httpRoutes } from '../http/http-routes';
import { createApiServer, type ApiServer } from '../server/create-api-server';

interface GraphQLResponse {
  data?: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  errors?: { message: string; extensions: { code: string } }[];
}

describe(`team mode on ${testDatabaseKind()}`, () => {
  let database: TestDatabase;
  let server: ApiServer;
  let url: string;

  const call = async (query: string, variables: object = {}, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { body: (await response.json()) as GraphQLResponse, setCookie: response.headers.get('set-cookie') };
  };
  const login = async (email: string, password: string) => {
    const { body, setCookie } = await call('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { role user { email } } }', {
      e: email,
      p: password,
    });
    return { body, cookie: setCookie?.split(';')[0] ?? '' };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const prisma = database.prisma;
    for (const [slug, email] of [
      ['alpha', 'ada@alpha.test'],
      ['beta', 'bob@beta.test'],
    ]) {
      const team = await prisma.team.create({ data: { slug, name: slug } });
      const user = await prisma.user.create({ data: { email, name: email, passwordHash: await hashPassword('correct horse battery') } });
      await prisma.membership.create({ data: { teamId: team.id, userId: user.id, role: 'OWNER' } });
    }
    const storage = new LocalStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'vad-team-')));
    server = await createApiServer(
      { database, queue: new InProcessQueueDriver(), storage, version: '1', mode: 'team' },
      { routes: httpRoutes({ maxUploadBytes: 1e6 }) },
    );
    url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}/graphql`;
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('requires authentication, even from loopback', async () => {
    const { body } = await call('{ datasets { id } }');
    expect(body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('logs in with a password, sets an httpOnly session cookie, and refuses a wrong password the same way as an unknown email', async () => {
    const { body, cookie } = await login('ada@alpha.test', 'correct horse battery');
    expect(body.data?.login).toEqual({ role: 'OWNER', user: { email: 'ada@alpha.test' } });
    expect(cookie).toMatch(/^vad_session=vads_/);
    expect((await call('{ viewer { team { slug } } }', {}, { cookie })).body.data).toEqual({ viewer: { team: { slug: 'alpha' } } });
    const wrong = await login('ada@alpha.test', 'wrong password!!');
    const unknown = await login('nobody@alpha.test', 'correct horse battery');
    expect(wrong.body.errors?.[0].message).toBe('wrong email or password');
    expect(unknown.body.errors?.[0].message).toBe('wrong email or password');
  });

  it('keeps each team to its own data: ids from another team answer NOT_FOUND', async () => {
    const ada = (await login('ada@alpha.test', 'correct horse battery')).cookie;
    const bob = (await login('bob@beta.test', 'correct horse battery')).cookie;
    const created = await call('mutation { createDataset(name: "alpha-only") { id } }', {}, { cookie: ada });
    const id = created.body.data?.createDataset.id as string;
    expect((await call('{ datasets { name } }', {}, { cookie: bob })).body.data).toEqual({ datasets: [] });
    expect((await call('query($id: ID!) { dataset(id: $id) { id } }', { id }, { cookie: bob })).body.data).toEqual({ dataset: null });
    const rename = await call('mutation($id: ID!) { renameDataset(id: $id, name: "stolen") { id } }', { id }, { cookie: bob });
    expect(rename.body.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const remove = await call('mutation($id: ID!) { deleteDataset(id: $id) }', { id }, { cookie: bob });
    expect(remove.body.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await call('{ datasets { name } }', {}, { cookie: ada })).body.data).toEqual({ datasets: [{ name: 'alpha-only' }] });
  });

  it('issues API tokens that authenticate, cannot exceed their owner, and stop working when revoked', async () => {
    const ada = (await login('ada@alpha.test', 'correct horse battery')).cookie;
    const created = await call('mutation { createApiToken(name: "ci", role: VIEWER) { token apiToken { id role } } }', {}, { cookie: ada });
    const { token, apiToken } = created.body.data?.createApiToken as { token: string; apiToken: { id: string; role: string } };
    expect(apiToken.role).toBe('VIEWER');
    const bearer = { authorization: `Bearer ${token}` };
    expect((await call('{ viewer { role user { email } } }', {}, bearer)).body.data).toEqual({ viewer: { role: 'VIEWER', user: { email: 'ada@alpha.test' } } });
    const write = await call('mutation { createDataset(name: "by-viewer-token") { id } }', {}, bearer);
    expect(write.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    await call('mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', { id: apiToken.id }, { cookie: ada });
    expect((await call('{ viewer { role } }', {}, bearer)).body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await call('{ viewer { role } }', {}, { authorization: 'Bearer vadt_forged' })).body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('lets owners manage roles, stops members from escalating, and keeps one owner', async () => {
    const ada = (await login('ada@alpha.test', 'correct horse battery')).cookie;
    const invited = await call(
      'mutation { inviteMember(email: "mia@alpha.test", name: "Mia", role: MEMBER, password: "a long enough one") { role user { id email } } }',
      {},
      { cookie: ada },
    );
    expect(invited.body.data?.inviteMember).toMatchObject({ role: 'MEMBER', user: { email: 'mia@alpha.test' } });
    const mia = (await login('mia@alpha.test', 'a long enough one')).cookie;
    const miaId = invited.body.data?.inviteMember.user.id as string;
    const escalate = await call('mutation($u: ID!) { changeRole(userId: $u, role: OWNER) { role } }', { u: miaId }, { cookie: mia });
    expect(escalate.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const ownerToken = await call('mutation { createApiToken(name: "x", role: OWNER) { token } }', {}, { cookie: mia });
    expect(ownerToken.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const adaId = (await call('{ viewer { user { id } } }', {}, { cookie: ada })).body.data?.viewer.user.id as string;
    const demoteLastOwner = await call('mutation($u: ID!) { changeRole(userId: $u, role: MEMBER) { role } }', { u: adaId }, { cookie: ada });
    expect(demoteLastOwner.body.errors?.[0]).toMatchObject({ message: 'a team keeps at least one owner', extensions: { code: 'CONFLICT' } });
    expect((await call('mutation($u: ID!) { removeMember(userId: $u) }', { u: miaId }, { cookie: ada })).body.data).toEqual({ removeMember: true });
    expect((await call('{ viewer { role } }', {}, { cookie: mia })).body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('serves files and takes uploads only for the owning team', async () => {
    const ada = (await login('ada@alpha.test', 'correct horse battery')).cookie;
    const bob = (await login('bob@beta.test', 'correct horse battery')).cookie;
    const prisma = database.prisma;
    const alpha = await prisma.team.findUniqueOrThrow({ where: { slug: 'alpha' } });
    const dataset = await prisma.dataset.create({ data: { teamId: alpha.id, name: 'files' } });
    const version = await prisma.datasetVersion.create({ data: { datasetId: dataset.id, number: 1, contentHash: 'f', format: 'folder', summary: {} } });
    const video = await prisma.video.create({
      data: {
        datasetVersionId: version.id,
        name: '01',
        split: 'TEST',
        frameCount: 180,
        width: 360,
        height: 240,
        sizeBytes: BigInt(1),
        checksum: 'a'.repeat(64),
        path: path.resolve(__dirname, '../../../../../shared/datasets/ucsd-ped2/videos/test/01.mp4'),
      },
    });
    const frameUrl = url.replace('/graphql', `/files/videos/${video.id}/frames/3.png`);
    expect((await fetch(frameUrl)).status).toBe(401);
    expect((await fetch(frameUrl, { headers: { cookie: bob } })).status).toBe(404);
    const own = await fetch(frameUrl, { headers: { cookie: ada } });
    expect([own.status, own.headers.get('content-type')]).toEqual([200, 'image/png']);
    const traversal = await fetch(url.replace('/graphql', `/files/videos/..%2F..%2Fetc/frames/0.png`), { headers: { cookie: ada } });
    expect(traversal.status).toBe(404);
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('x')]), 'x.mp4');
    const upload = await fetch(url.replace('/graphql', `/uploads?datasetId=${dataset.id}&split=test`), {
      method: 'POST',
      body: form,
      headers: { cookie: bob, 'x-requested-with': 'XMLHttpRequest' },
    });
    expect(upload.status).toBe(404);
  });

  it('logs out by ending the session', async () => {
    const { cookie } = await login('bob@beta.test', 'correct horse battery');
    await call('mutation { logout }', {}, { cookie });
    expect((await call('{ viewer { role } }', {}, { cookie })).body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
