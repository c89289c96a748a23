import http from 'node:http';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '@vad/db/testing';
import { InProcessQueueDriver } from '@vad/queue';
import { createApiServer, type ApiServer } from './create-api-server';
import { listen } from './listen';
import { StartupErrorCode } from './startup.error';

describe(`API server on ${testDatabaseKind()}`, () => {
  let database: TestDatabase;
  let server: ApiServer;
  let url: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    server = await createApiServer({ database, queue: new InProcessQueueDriver(), version: '9.9.9' });
    url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}/graphql`;
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('answers the health query with the version, store and queue', async () => {
    const response = await post({ query: '{ health { version database queue } }' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: { health: { version: '9.9.9', database: testDatabaseKind(), queue: 'in-process' } },
    });
  });

  it('reports a store that stopped answering instead of failing the query', async () => {
    const failingServer = await createApiServer({
      database: { ...database, ping: () => Promise.reject(new Error('connection terminated')) },
      queue: new InProcessQueueDriver(),
      version: '1',
    });
    const port = await failingServer.listen(0, '127.0.0.1');
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { database } }' }),
    });
    expect(await response.json()).toEqual({
      data: { health: { database: `${testDatabaseKind()} unavailable: connection terminated` } },
    });
    await failingServer.close();
  });

  it('rejects a malformed query with a GraphQL error code', async () => {
    const response = await post({ query: '{ health { nope } }' });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('blocks simple cross-site GET requests (CSRF prevention)', async () => {
    const response = await fetch(`${url}?query=${encodeURIComponent('{ health { version } }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });

  it('says which setting to change when the port is taken', async () => {
    const taken = Number(new URL(url).port);
    await expect(listen(http.createServer(), taken, '127.0.0.1', 'PORT')).rejects.toMatchObject({
      code: StartupErrorCode.PortInUse,
      message: `port ${taken} on 127.0.0.1 is already in use; set PORT to a free port`,
    });
  });
});
