// Many uploads at once to one data set: 20 concurrent uploads and 50 queued import jobs, run by a worker
// taking 4 jobs at a time so that imports race for the next data-set version. None may fail or be lost,
// the last version must hold every video, and memory must stay bounded.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createApiServer, httpRoutes, type ApiServer } from '@vad/api';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '@vad/db/testing';
import { BullmqQueueDriver, InProcessQueueDriver, type JobQueueDriver } from '@vad/queue';
import { LocalStorage } from '@vad/storage';
import { createJobHandlers, startJobRunner, type JobRunner } from '@vad/jobs';
import { graphqlCaller, until } from './graphql-caller';

describe(`concurrent uploads on ${testDatabaseKind()}`, () => {
  let database: TestDatabase;
  let queue: JobQueueDriver;
  let runner: JobRunner;
  let api: ApiServer;
  let base: string;
  let dir: string;
  let video: Buffer;
  const gql = graphqlCaller(() => base);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-uploads-'));
    const file = path.join(dir, 'clip.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=10', '-frames:v', '8', '-pix_fmt', 'yuv420p', file]);
    video = fs.readFileSync(file);
    database = await createTestDatabase();
    queue = process.env.TEST_REDIS_URL
      ? new BullmqQueueDriver({ url: process.env.TEST_REDIS_URL, prefix: `vad-up-${randomUUID()}` })
      : new InProcessQueueDriver();
    const storage = new LocalStorage(path.join(dir, 'artifacts'));
    runner = await startJobRunner({
      database,
      queue,
      storage,
      handlers: createJobHandlers({ cacheDir: path.join(dir, 'cache') }),
      workerId: 'up',
      concurrency: 4,
    });
    api = await createApiServer({ database, queue, storage, version: 'up', mode: 'embedded' }, { routes: httpRoutes({ maxUploadBytes: 1e6 }) });
    base = `http://127.0.0.1:${await api.listen(0, '127.0.0.1')}`;
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await runner?.stop();
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const upload = async (datasetId: string, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(video)]), `${name}.mp4`);
    const response = await fetch(`${base}/uploads?datasetId=${datasetId}&split=test&name=${name}`, { method: 'POST', body: form });
    expect(response.status).toBe(202);
    return ((await response.json()) as { jobId: string }).jobId;
  };

  it('imports every one of 50 uploads, 20 of them sent at once, into one version (uploads arriving together join it)', async () => {
    const rssBefore = process.memoryUsage().rss;
    const datasetId = (await gql('mutation { createDataset(name: "busy") { id } }')).data?.createDataset.id as string;
    const names = Array.from({ length: 50 }, (_, i) => `v${String(i).padStart(2, '0')}`);
    const burst = await Promise.all(names.slice(0, 20).map((name) => upload(datasetId, name)));
    const queued = [...burst];
    for (const name of names.slice(20)) queued.push(await upload(datasetId, name));
    const jobs = await until(
      async () =>
        (await gql('{ jobs(first: 100, filter: { kind: [IMPORT] }) { nodes { id status error } } }')).data?.jobs.nodes as {
          id: string;
          status: string;
          error: string | null;
        }[],
      (nodes) => nodes.length === 50 && nodes.every((j) => j.status === 'SUCCEEDED' || j.status === 'FAILED'),
      240_000,
      250,
    );
    expect(jobs.filter((j) => j.status !== 'SUCCEEDED')).toEqual([]);
    expect(new Set(jobs.map((j) => j.id))).toEqual(new Set(queued));
    const { data } = await gql('query($id: ID!) { dataset(id: $id) { latestVersion { number videos { name } } } }', { id: datasetId });
    expect(data?.dataset.latestVersion.videos.map((v: { name: string }) => v.name).sort()).toEqual(names);
    expect(data?.dataset.latestVersion.number).toBe(1);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(512 * 1024 * 1024);
  }, 300_000);
});
