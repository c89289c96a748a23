// A worker killed with SIGKILL in the middle of training: the job is detected as orphaned (its heartbeat
// stops), runs again in the next process, resumes from its last checkpoint, and records one model version.
// Real processes (`vad start`), driven over HTTP. Embedded (PGlite on disk, in-process queue) by default;
// PostgreSQL + Redis when TEST_DATABASE_URL and TEST_REDIS_URL are set.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@vad/db/testing';
import { freePort } from './free-port';
import { graphqlCaller, until } from './graphql-caller';

const bin = path.resolve(__dirname, '../bin/vad.cjs');
const PED2 = path.resolve(__dirname, '../../../../shared/datasets/ucsd-ped2');
const team = Boolean(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL);

describe(`a worker killed mid-training (${team ? 'PostgreSQL + Redis' : 'embedded'})`, () => {
  let dataDir: string;
  let database: TestDatabase | undefined;
  let env: NodeJS.ProcessEnv;
  let base: string;
  const children: ChildProcess[] = [];

  const startPlatform = async (): Promise<ChildProcess> => {
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
    return child;
  };
  let cookie = '';
  const gql = graphqlCaller(() => base, () => ({ cookie }));
  const job = async (id: string) =>
    (await gql('query($id: ID!) { job(id: $id) { status attempt error progress { epoch } modelVersion { id trainingMetrics } } }', { id })).data?.job;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-crash-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = { ...process.env, VAD_DATA_DIR: dataDir, PORT: String(port), VAD_JOB_STALE_SECONDS: '3', DATABASE_URL: '', REDIS_URL: '' };
    if (team) {
      database = await createTestDatabase();
      env = { ...env, DATABASE_URL: database.url, REDIS_URL: process.env.TEST_REDIS_URL, VAD_QUEUE_PREFIX: `crash-${randomUUID().slice(0, 8)}` };
    }
  }, 60_000);
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('resumes the training from its last checkpoint in the next process and records it once', async () => {
    if (team) {
      // team mode has accounts: the first owner is made with `vad user add`, then logs in
      const add = spawn(process.execPath, [bin, 'user', 'add', '--email', 'owner@crash.test', '--team', 'crash'], {
        env: { ...env, VAD_PASSWORD: 'crash-test-password' },
      });
      expect(await new Promise((resolve) => add.once('exit', resolve))).toBe(0);
    }
    const first = await startPlatform();
    if (team) {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation { login(email: "owner@crash.test", password: "crash-test-password") { role } }' }),
      });
      cookie = response.headers.get('set-cookie')?.split(';')[0] ?? '';
    }
    const datasetId = (await gql('mutation { createDataset(name: "crash") { id } }')).data?.createDataset.id;
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(path.join(PED2, 'videos/train/01.mp4'))]), '01.mp4');
    const uploaded = (await (await fetch(`${base}/uploads?datasetId=${datasetId}&split=train&name=train01`, { method: 'POST', body: form, headers: { cookie } })).json()) as {
      jobId: string;
    };
    await until(() => job(uploaded.jobId), (j) => j.status === 'SUCCEEDED', 60_000);
    const versionId = (await gql('query($id: ID!) { dataset(id: $id) { latestVersion { id } } }', { id: datasetId })).data?.dataset.latestVersion.id;
    const trainId = (
      await gql(
        'mutation($d: ID!) { startTraining(input: { datasetVersionId: $d, modelName: "crash", preset: "cpu-tiny", epochsTeacher: 4, epochsStudent: 1, batchSize: 4 }) { id } }',
        { d: versionId },
      )
    ).data?.startTraining.id;
    // killed once the first epoch's checkpoint is on disk and the second epoch runs
    await until(() => job(trainId), (j) => j.status === 'RUNNING' && (j.progress?.epoch ?? 0) >= 2, 120_000);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));

    await startPlatform();
    const finished = await until(() => job(trainId), (j) => ['SUCCEEDED', 'FAILED'].includes(j.status), 240_000);
    expect(finished).toMatchObject({ status: 'SUCCEEDED', attempt: 2, error: null });
    expect(finished.modelVersion.trainingMetrics.resumedFrom).toMatch(/epoch-0*[1-9]/);
    const versions = (await gql('{ models { name versions { id } } }')).data?.models;
    expect(versions).toEqual([{ name: 'crash', versions: [{ id: finished.modelVersion.id }] }]);
  }, 600_000);
});
