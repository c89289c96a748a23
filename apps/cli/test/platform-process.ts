// `vad start` as a real child process for the fault suites (crashes, restarts, shutdown): one data folder,
// one port, embedded (PGlite on disk, in-process queue) by default and PostgreSQL + Redis when
// TEST_DATABASE_URL and TEST_REDIS_URL are set, so that the same suite runs on both deployments.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '@vad/db';
import { createTestDatabase, type TestDatabase } from '@vad/db/testing';
import { freePort } from './free-port';
import { graphqlCaller } from './graphql-caller';

const bin = path.resolve(__dirname, '../bin/vad.cjs');
export const PED2 = path.resolve(__dirname, '../../../../shared/datasets/ucsd-ped2');
export const teamMode = Boolean(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL);
export const deploymentName = teamMode ? 'PostgreSQL + Redis' : 'embedded';

const OWNER = { email: 'owner@faults.test', password: 'fault-test-password' };

export interface PlatformProcessOptions {
  /** Folder and queue-prefix name, e.g. "crash". */
  name: string;
  /** VAD_JOB_STALE_SECONDS: how soon a killed worker's job is taken over (short, so that stalls show in seconds). */
  staleSeconds: number;
  /** More settings of the platform (VAD_IMPORT_ROOTS, VAD_ALLOWED_HOSTS, …). */
  env?: Record<string, string>;
}

export interface PlatformProcess {
  dataDir: string;
  /** The environment the platform runs with (its data folder, store and queue): what a local `vad` command needs. */
  env: NodeJS.ProcessEnv;
  base: string;
  /** GraphQL over HTTP as the signed-in owner; throws on errors. */
  gql: ReturnType<typeof graphqlCaller>;
  /** The session cookie (none in embedded mode), for plain HTTP calls such as uploads, with the header a cookie upload needs. */
  headers(): Record<string, string>;
  /** Starts `vad start --no-dashboard` and resolves once it says it is running; signs in on the first start. */
  start(): Promise<ChildProcess>;
  /** The platform's store opened from the test, to see what a stopped process left; embedded: only while none runs. */
  openStore(): Promise<Database>;
  /** Uploads a video file into a data set; resolves with the IMPORT job's id. */
  upload(datasetId: string, split: 'train' | 'test', name: string, file: string): Promise<string>;
  /** Kills every process started, drops the test database and the data folder. */
  close(): Promise<void>;
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

export async function platformProcess(options: PlatformProcessOptions): Promise<PlatformProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `vad-${options.name}-`));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let env: NodeJS.ProcessEnv = {
    ...process.env,
    VAD_DATA_DIR: dataDir,
    PORT: String(port),
    VAD_JOB_STALE_SECONDS: String(options.staleSeconds),
    DATABASE_URL: '',
    REDIS_URL: '',
    ...options.env,
  };
  let database: TestDatabase | undefined;
  if (teamMode) {
    database = await createTestDatabase();
    env = { ...env, DATABASE_URL: database.url, REDIS_URL: process.env.TEST_REDIS_URL, VAD_QUEUE_PREFIX: `${options.name}-${randomUUID().slice(0, 8)}` };
  }
  const children: ChildProcess[] = [];
  let cookie = '';
  let signedIn = !teamMode;
  const headers = (): Record<string, string> => (cookie ? { cookie, 'x-requested-with': 'XMLHttpRequest' } : {});
  const gql = graphqlCaller(() => base, headers);

  const signIn = async () => {
    // team mode has accounts: the first owner is made with `vad user add`, then logs in
    const add = spawn(process.execPath, [bin, 'user', 'add', '--email', OWNER.email, '--team', options.name], {
      env: { ...env, VAD_PASSWORD: OWNER.password },
      stdio: 'ignore',
    });
    if ((await exitOf(add)) !== 0) throw new Error('vad user add failed');
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { login(email: "${OWNER.email}", password: "${OWNER.password}") { role } }` }),
    });
    cookie = response.headers.get('set-cookie')?.split(';')[0] ?? '';
    signedIn = true;
  };

  return {
    dataDir,
    env,
    base,
    gql,
    headers,
    start: async () => {
      const child = spawn(process.execPath, [bin, 'start', '--no-dashboard'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      let output = '';
      child.stdout?.on('data', (chunk) => (output += chunk));
      child.stderr?.on('data', (chunk) => (output += chunk));
      const deadline = Date.now() + 60_000;
      while (!/is running/.test(output)) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`vad start did not come up:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      if (!signedIn) await signIn();
      return child;
    },
    openStore: () => openDatabase({ databaseUrl: database?.url, dataDir, migrate: false }),
    upload: async (datasetId, split, name, file) => {
      const form = new FormData();
      form.append('file', new Blob([fs.readFileSync(file)]), path.basename(file));
      const response = await fetch(`${base}/uploads?datasetId=${datasetId}&split=${split}&name=${name}`, { method: 'POST', body: form, headers: headers() });
      if (response.status !== 202) throw new Error(`upload of ${name} answered ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { jobId: string }).jobId;
    },
    close: async () => {
      for (const child of children) child.kill('SIGKILL');
      await Promise.all(children.map(exitOf));
      await database?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
