// A team-mode API on a fresh test database, with the upload and file routes, and one team whose owner is
// logged in: the set-up of the suites that attack the API (graphql-abuse, subscription-abuse, leaderboard).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@vad/db/testing';
import { InProcessQueueDriver } from '@vad/queue';
import { LocalStorage } from '@vad/storage';
import { hashPassword } from '../src/auth/secrets';
import { httpRoutes } from '../src/http/http-routes';
import { createApiServer, type ApiServerOptions } from '../src/server/create-api-server';

export const OWNER = { email: 'eve@abuse.test', password: 'correct horse battery' };

export interface TeamApi {
  database: TestDatabase;
  /** http://127.0.0.1:<port> */
  base: string;
  /** The owner's session cookie, `vad_session=…`. */
  cookie: string;
  teamId: string;
  userId: string;
  storage: LocalStorage;
  close(): Promise<void>;
}

export async function startTeamApi(options: Omit<ApiServerOptions, 'routes'> = {}): Promise<TeamApi> {
  const database = await createTestDatabase();
  const prisma = database.prisma;
  const team = await prisma.team.create({ data: { slug: 'abuse', name: 'abuse' } });
  const user = await prisma.user.create({ data: { email: OWNER.email, name: 'Eve', passwordHash: await hashPassword(OWNER.password) } });
  await prisma.membership.create({ data: { teamId: team.id, userId: user.id, role: 'OWNER' } });
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-team-api-'));
  const storage = new LocalStorage(root);
  const server = await createApiServer(
    { database, queue: new InProcessQueueDriver(), storage, version: '1', mode: 'team' },
    { ...options, routes: httpRoutes({ maxUploadBytes: 1e6, frameCacheDir: storage.localPath('cache') }) },
  );
  const base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  const login = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation { login(email: "${OWNER.email}", password: "${OWNER.password}") { role } }` }),
  });
  return {
    database,
    base,
    cookie: login.headers.get('set-cookie')?.split(';')[0] ?? '',
    teamId: team.id,
    userId: user.id,
    storage,
    close: async () => {
      await server.close();
      await database.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
