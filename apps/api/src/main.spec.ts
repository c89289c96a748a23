// The API process on its own: starts on an embedded store, answers GraphQL on the port it prints, stops on
// SIGTERM; a bad setting ends it with one line and exit code 2.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { embeddedEnvironment, startServerProcess } from '@vad/runtime/testing';

const MAIN = path.join(__dirname, 'main.ts');

describe('apps/api', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-api-main-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('serves GraphQL until SIGTERM, then exits cleanly', async () => {
    const api = startServerProcess(MAIN, embeddedEnvironment(dataDir, { VAD_HOST: '127.0.0.1', PORT: '0' }));
    const [, url] = await api.waitFor(/GraphQL API (http:\/\/\S+\/graphql)/);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { database queue } }' }),
    });
    expect(await response.json()).toEqual({ data: { health: { database: 'pglite', queue: 'in-process' } } });
    expect(await api.stop()).toBe(0);
  }, 90_000);

  it('ends with one clear line on a bad setting', async () => {
    const api = startServerProcess(MAIN, embeddedEnvironment(dataDir, { VAD_HOST: '127.0.0.1', PORT: 'eighty' }));
    expect(await api.exited()).toBe(2);
    expect(api.output()).toMatch(/PORT must be a port number/);
    expect(api.output()).not.toMatch(/\n\s+at /);
  }, 90_000);
});
