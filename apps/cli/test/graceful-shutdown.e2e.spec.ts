// `vad start` stopped with SIGTERM while it serves an upload and trains a model: the upload in flight is
// still answered, the process exits 0, and the training goes back to the queue at once (not left RUNNING
// for a stale-heartbeat takeover); the next process resumes it from its last checkpoint.
// Real processes, driven over HTTP, on both deployments (see platform-process.ts).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { until } from './graphql-caller';
import { deploymentName, exitOf, PED2, platformProcess, type PlatformProcess } from './platform-process';

describe(`vad start stopped with SIGTERM (${deploymentName})`, () => {
  let platform: PlatformProcess;
  const job = async (id: string) =>
    (await platform.gql('query($id: ID!) { job(id: $id) { status attempt error progress { epoch } modelVersion { id trainingMetrics } } }', { id })).data?.job;
  beforeAll(async () => {
    // stale after ten minutes: only a graceful requeue can let the next process take the job within the test
    platform = await platformProcess({ name: 'sigterm', staleSeconds: 600 });
  }, 60_000);
  afterAll(() => platform?.close());

  it('answers the upload in flight, exits 0, and requeues the training for the next process to resume', async () => {
    const first = await platform.start();
    const datasetId = (await platform.gql('mutation { createDataset(name: "sigterm") { id } }')).data?.createDataset.id;
    const importId = await platform.upload(datasetId, 'train', 'train01', path.join(PED2, 'videos/train/01.mp4'));
    await until(
      () => job(importId),
      (j) => j.status === 'SUCCEEDED',
      60_000,
    );
    const versionId = (await platform.gql('query($id: ID!) { dataset(id: $id) { latestVersion { id } } }', { id: datasetId })).data?.dataset.latestVersion.id;
    const trainId = (
      await platform.gql(
        'mutation($d: ID!) { startTraining(input: { datasetVersionId: $d, modelName: "sigterm", preset: "cpu-tiny", epochsTeacher: 6, epochsStudent: 1, batchSize: 4 }) { id } }',
        { d: versionId },
      )
    ).data?.startTraining.id;
    // stopped once the first epoch's checkpoint is on disk and the second epoch runs; the epochs after it leave room
    // for a slow machine's polling, so that the stop lands in training and not after the model version is recorded
    await until(
      () => job(trainId),
      (j) => j.status === 'RUNNING' && (j.progress?.epoch ?? 0) >= 2,
      120_000,
    );

    // an upload whose second half is sent only after SIGTERM
    const video = fs.readFileSync(path.join(PED2, 'videos/test/12.mp4'));
    const boundary = 'vad-graceful';
    const request = http.request(`${platform.base}/uploads?datasetId=${datasetId}&split=test&name=late`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...platform.headers() },
    });
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request.once('error', reject);
      request.once('response', (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.once('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
    });
    request.write(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="late.mp4"\r\ncontent-type: video/mp4\r\n\r\n`);
    request.write(video.subarray(0, video.length / 2));
    await new Promise((resolve) => setTimeout(resolve, 300));
    first.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    request.end(Buffer.concat([video.subarray(video.length / 2), Buffer.from(`\r\n--${boundary}--\r\n`)]));
    const upload = await answered;
    expect(upload.status).toBe(202);
    const lateImportId = (JSON.parse(upload.body) as { jobId: string }).jobId;
    expect(await exitOf(first)).toBe(0);

    const store = await platform.openStore();
    try {
      expect(await store.prisma.job.findUniqueOrThrow({ where: { id: trainId } })).toMatchObject({ status: 'QUEUED', attempt: 1, workerId: null });
      expect(await store.prisma.job.findUniqueOrThrow({ where: { id: lateImportId } })).toMatchObject({ status: 'QUEUED' });
    } finally {
      await store.close();
    }

    await platform.start();
    const trained = await until(
      () => job(trainId),
      (j) => ['SUCCEEDED', 'FAILED'].includes(j.status),
      180_000,
    );
    expect(trained).toMatchObject({ status: 'SUCCEEDED', attempt: 2, error: null });
    expect(trained.modelVersion.trainingMetrics.resumedFrom).toMatch(/epoch-0*[1-9]/);
    expect(
      await until(
        () => job(lateImportId),
        (j) => ['SUCCEEDED', 'FAILED'].includes(j.status),
        60_000,
      ),
    ).toMatchObject({ status: 'SUCCEEDED', error: null });
  }, 300_000);
});
