import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '@vad/db/testing';
import { InProcessQueueDriver } from '@vad/queue';
import { LocalStorage } from '@vad/storage';
import { createApiServer, type ApiServer } from './create-api-server';
import { listen } from './listen';
import type { ApiServices } from './api-context';
import { StartupErrorCode } from './startup.error';

describe(`API server on ${testDatabaseKind()}`, () => {
  let database: TestDatabase;
  let server: ApiServer;
  let url: string;
  let services: ApiServices;
  beforeAll(async () => {
    database = await createTestDatabase();
    const storage = new LocalStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'vad-api-')));
    services = { database, queue: new InProcessQueueDriver(), storage, version: '9.9.9', mode: 'embedded' };
    server = await createApiServer(services, { maxQueryDepth: 6, maxQueryCost: 500 });
    url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}/graphql`;
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const post = async (query: string, variables: object = {}) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return {
      status: response.status,
      body: (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions: { code: string } }[] },
    };
  };

  it('answers the health query with the version, store and queue', async () => {
    expect((await post('{ health { version database queue } }')).body).toEqual({
      data: { health: { version: '9.9.9', database: testDatabaseKind(), queue: 'in-process' } },
    });
  });

  it('reports a store that stopped answering instead of failing the query', async () => {
    const failing = await createApiServer({ ...services, database: { ...database, ping: () => Promise.reject(new Error('connection terminated')) } });
    const port = await failing.listen(0, '127.0.0.1');
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { database } }' }),
    });
    expect(await response.json()).toEqual({ data: { health: { database: `${testDatabaseKind()} unavailable: connection terminated` } } });
    await failing.close();
  });

  it('treats loopback callers of the embedded deployment as the local owner', async () => {
    const { body } = await post('{ viewer { role mode user { email } team { slug } } }');
    expect(body.data).toEqual({ viewer: { role: 'OWNER', mode: 'embedded', user: { email: 'owner@localhost' }, team: { slug: 'local' } } });
  });

  it('creates data sets and refuses duplicate names with CONFLICT', async () => {
    const created = await post('mutation($n: String!) { createDataset(name: $n) { id name versions { id } } }', { n: 'ped2' });
    expect(created.body.data).toMatchObject({ createDataset: { name: 'ped2', versions: [] } });
    const again = await post('mutation($n: String!) { createDataset(name: $n) { id } }', { n: 'ped2' });
    expect(again.body.errors?.[0]).toMatchObject({ message: 'a data set named "ped2" already exists', extensions: { code: 'CONFLICT' } });
  });

  it('answers NOT_FOUND for ids it does not know', async () => {
    const { body } = await post('mutation { cancelJob(id: "00000000-0000-0000-0000-000000000000") { id } }');
    expect(body.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('rejects a malformed query with a GraphQL error code', async () => {
    const { status, body } = await post('{ health { nope } }');
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('rejects queries nested deeper than the limit', async () => {
    const deep =
      '{ datasets { versions { videos { id } } latestVersion { videos { name } } } models { versions { model { versions { model { versions { id } } } } } } }';
    const { status, body } = await post(deep);
    expect(status).toBe(400);
    expect(body.errors?.[0].message).toMatch(/query depth \d+ exceeds the limit of 6/);
  });

  it('rejects queries whose estimated cost is over the limit, aliases included', async () => {
    const aliases = Array.from({ length: 300 }, (_, i) => `h${i}: health { version database }`).join(' ');
    const { status, body } = await post(`{ ${aliases} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0].message).toMatch(/query cost \d+ exceeds the limit of 500/);
  });

  it('blocks simple cross-site GET requests (CSRF prevention)', async () => {
    const response = await fetch(`${url}?query=${encodeURIComponent('{ health { version } }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });

  it('refuses request bodies over the size limit', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { version } }', padding: 'x'.repeat(1_100_000) }),
    });
    expect(response.status).toBe(413);
  });

  it('says which setting to change when the port is taken', async () => {
    const taken = Number(new URL(url).port);
    await expect(listen(http.createServer(), taken, '127.0.0.1', 'PORT')).rejects.toMatchObject({
      code: StartupErrorCode.PortInUse,
      message: `port ${taken} on 127.0.0.1 is already in use; set PORT to a free port`,
    });
  });
});
