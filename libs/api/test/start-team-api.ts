// An API on a fresh test database, with the upload and file routes: the set-up of the suites that attack the
// API (graphql-abuse, subscription-abuse, leaderboard, the security suites). Team mode has one team whose
// owner is logged in; embedded mode has its local owner (no login) and answers loopback names only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@vad/db/testing';
import { InProcessQueueDriver } from '@vad/queue';
import { LocalStorage } from '@vad/storage';
import { hashPassword } from '../src/auth/secrets';
import { httpRoutes, type HttpRouteOptions } from '../src/http/http-routes';
import { createApiServer, type ApiServerOptions } from '../src/server/create-api-server';

export const OWNER = { email: 'eve@abuse.test', password: 'correct horse battery' };
/** The secret the tests' "dashboard" sends (vad start makes a random one). */
export const DASHBOARD_SECRET = 'test-dashboard-secret';

export interface TeamApi {
  database: TestDatabase;
  /** http://127.0.0.1:<port> */
  base: string;
  /** The owner's session cookie, `vad_session=…` (empty in embedded mode). */
  cookie: string;
  teamId: string;
  userId: string;
  storage: LocalStorage;
  /** The storage folder (uploads, caches). */
  root: string;
  close(): Promise<void>;
}

export interface TestApiOptions extends Omit<ApiServerOptions, 'routes'> {
  routes?: Partial<HttpRouteOptions>;
}

async function startApi(mode: 'team' | 'embedded', options: TestApiOptions): Promise<TeamApi> {
  const database = await createTestDatabase();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `vad-${mode}-api-`));
  const storage = new LocalStorage(root);
  const { routes, ...serverOptions } = options;
  const server = await createApiServer(
    { database, queue: new InProcessQueueDriver(), storage, version: '1', mode },
    {
      dashboardSecret: DASHBOARD_SECRET,
      ...serverOptions,
      routes: httpRoutes({ maxUploadBytes: 1e6, ...routes }),
    },
  );
  const base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  return {
    database,
    base,
    root,
    cookie: '',
    teamId: '',
    userId: '',
    storage,
    close: async () => {
      await server.close();
      await database.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

export async function startTeamApi(options: TestApiOptions = {}): Promise<TeamApi> {
  const api = await startApi('team', options);
  const prisma = api.database.prisma;
  const team = await prisma.team.create({ data: { slug: 'abuse', name: 'abuse' } });
  const user = await prisma.user.create({ data: { email: OWNER.email, name: 'Eve', passwordHash: await hashPassword(OWNER.password) } });
  await prisma.membership.create({ data: { teamId: team.id, userId: user.id, role: 'OWNER' } });
  const login = await fetch(`${api.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation { login(email: "${OWNER.email}", password: "${OWNER.password}") { role } }` }),
  });
  return { ...api, cookie: login.headers.get('set-cookie')?.split(';')[0] ?? '', teamId: team.id, userId: user.id };
}

/** The embedded deployment: a program on this machine (these tests) is its local owner. */
export async function startEmbeddedApi(options: TestApiOptions = {}): Promise<TeamApi> {
  const api = await startApi('embedded', options);
  const viewer = await fetch(`${api.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ viewer { user { id } team { id } } }' }),
  });
  const { data } = (await viewer.json()) as { data: { viewer: { user: { id: string }; team: { id: string } } } };
  return { ...api, teamId: data.viewer.team.id, userId: data.viewer.user.id };
}
