// The storage folder failing under a running job: a full disk and a read-only file system (injected at
// the storage boundary, see FailingWritesStorage) and a read-only folder (real permission bits; not as
// root, which ignores them).
// The job fails with a readable error that names the problem, earlier results stay intact, and the job
// succeeds when retried once the storage is writable again. API and worker in this process, on PGlite
// or PostgreSQL (TEST_DATABASE_URL) with the in-process queue or BullMQ (TEST_REDIS_URL).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApiServer, httpRoutes, type ApiServer } from '@vad/api';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '@vad/db/testing';
import { BullmqQueueDriver, InProcessQueueDriver, type JobQueueDriver } from '@vad/queue';
import { FailingWritesStorage } from '@vad/storage/testing';
import { createJobHandlers, startJobRunner, type JobRunner } from '@vad/jobs';
import { graphqlCaller, until } from './graphql-caller';
import { PED2 } from './platform-process';

interface InferJob {
  status: string;
  error: string | null;
  inferenceRuns: { hasMaps: boolean; video: { id: string } }[];
}

describe(`an unwritable storage folder on ${testDatabaseKind()}`, () => {
  let database: TestDatabase;
  let queue: JobQueueDriver;
  let runner: JobRunner;
  let api: ApiServer;
  let base: string;
  let dir: string;
  let storage: FailingWritesStorage;
  let modelVersionId: string;
  let datasetVersionId: string;
  let firstRun: string;
  const gql = graphqlCaller(() => base);
  const job = async (id: string): Promise<InferJob> =>
    (await gql('query($id: ID!) { job(id: $id) { status error inferenceRuns { hasMaps video { id } } } }', { id })).data?.job;
  const finished = (id: string) =>
    until(
      () => job(id),
      (j) => ['SUCCEEDED', 'FAILED'].includes(j.status),
      120_000,
    );
  const startInference = async () =>
    (
      await gql('mutation($m: ID!, $d: ID!) { startInference(input: { modelVersionId: $m, datasetVersionId: $d }) { id } }', {
        m: modelVersionId,
        d: datasetVersionId,
      })
    ).data?.startInference.id as string;
  const runsFolder = () => {
    const teams = path.join(dir, 'artifacts/teams');
    return path.join(teams, fs.readdirSync(teams)[0], 'runs');
  };
  const filesOf = (folder: string) => (fs.existsSync(folder) ? fs.readdirSync(folder) : []);
  const upload = async (datasetId: string, split: string, name: string, file: string) => {
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(file)]), path.basename(file));
    const response = await fetch(`${base}/uploads?datasetId=${datasetId}&split=${split}&name=${name}`, { method: 'POST', body: form });
    return ((await response.json()) as { jobId: string }).jobId;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-unwritable-'));
    database = await createTestDatabase();
    queue = process.env.TEST_REDIS_URL
      ? new BullmqQueueDriver({ url: process.env.TEST_REDIS_URL, prefix: `vad-full-${randomUUID()}` })
      : new InProcessQueueDriver();
    storage = new FailingWritesStorage(path.join(dir, 'artifacts'));
    runner = await startJobRunner({ database, queue, storage, handlers: createJobHandlers({ cacheDir: path.join(dir, 'cache') }), workerId: 'full' });
    api = await createApiServer({ database, queue, storage, version: 'full', mode: 'embedded' }, { routes: httpRoutes({ maxUploadBytes: 50e6 }) });
    base = `http://127.0.0.1:${await api.listen(0, '127.0.0.1')}`;
    const datasetId = (await gql('mutation { createDataset(name: "full") { id } }')).data?.createDataset.id;
    for (const [split, name, file] of [
      ['train', 'train01', 'videos/train/01.mp4'],
      ['test', 'test09', 'videos/test/09.mp4'],
    ]) {
      const id = await upload(datasetId, split, name, path.join(PED2, file));
      await until(
        async () => (await gql('query($id: ID!) { job(id: $id) { status } }', { id })).data?.job.status,
        (s) => s === 'SUCCEEDED',
        60_000,
      );
    }
    datasetVersionId = (await gql('query($id: ID!) { dataset(id: $id) { latestVersion { id } } }', { id: datasetId })).data?.dataset.latestVersion.id;
    const trainId = (
      await gql(
        'mutation($d: ID!) { startTraining(input: { datasetVersionId: $d, modelName: "full", preset: "cpu-tiny", epochsTeacher: 1, epochsStudent: 1, batchSize: 4 }) { id } }',
        { d: datasetVersionId },
      )
    ).data?.startTraining.id;
    modelVersionId = (
      await until(
        async () => (await gql('query($id: ID!) { job(id: $id) { status error modelVersion { id } } }', { id: trainId })).data?.job,
        (j) => ['SUCCEEDED', 'FAILED'].includes(j.status),
        180_000,
      )
    ).modelVersion.id;
    firstRun = await startInference();
    expect(await finished(firstRun)).toMatchObject({ status: 'SUCCEEDED' });
  }, 300_000);
  afterAll(async () => {
    await api?.close();
    await runner?.stop();
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails the job with "the disk is full" when a write runs out of space, and keeps earlier results', async () => {
    const earlier = await job(firstRun);
    const earlierMaps = path.join(runsFolder(), firstRun, 'maps', `${earlier.inferenceRuns[0].video.id}.bin`);
    const earlierBytes = fs.readFileSync(earlierMaps);
    const models = fs.readdirSync(runsFolder()).sort();

    storage.fault = 'ENOSPC';
    const id = await startInference();
    const failed = await finished(id);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/^cannot write "teams\/.+\/maps\/.+\.bin" in .+: the disk is full \(ENOSPC\)$/);
    expect(failed.inferenceRuns).toEqual([]);
    expect(filesOf(path.join(runsFolder(), id, 'maps'))).toEqual([]); // no partial file
    expect(await job(firstRun)).toEqual(earlier);
    expect(fs.readFileSync(earlierMaps).equals(earlierBytes)).toBe(true);
    expect(fs.readdirSync(runsFolder()).sort()).toEqual([...models, id].sort());

    storage.fault = null; // space freed: the same job runs to the end when retried
    await gql('mutation($id: ID!) { retryJob(id: $id) { id } }', { id });
    expect(await finished(id)).toMatchObject({ status: 'SUCCEEDED', error: null, inferenceRuns: [{ hasMaps: true }] });
  }, 180_000);

  it('fails the job with "the file system is read-only" when the storage is remounted read-only', async () => {
    storage.fault = 'EROFS';
    try {
      const failed = await finished(await startInference());
      expect(failed).toMatchObject({ status: 'FAILED', inferenceRuns: [] });
      expect(failed.error).toMatch(/^cannot write "teams\/.+" in .+: the file system is read-only \(EROFS\)$/);
    } finally {
      storage.fault = null;
    }
  }, 180_000);

  // Root ignores permission bits (CI and this image run as root): there the injected faults above stand for it.
  const asNonRoot = process.getuid?.() === 0 ? it.skip : it;
  asNonRoot(
    'fails the job with "permission denied" when the folder is read-only (real EACCES, skipped as root)',
    async () => {
      fs.chmodSync(runsFolder(), 0o555);
      try {
        const failed = await finished(await startInference());
        expect(failed).toMatchObject({ status: 'FAILED', inferenceRuns: [] });
        expect(failed.error).toMatch(/: permission denied \(EACCES\)$/);
      } finally {
        fs.chmodSync(runsFolder(), 0o755);
      }
    },
    180_000,
  );
});
