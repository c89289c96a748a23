// The platform end to end over HTTP, as a team uses it: upload Ped2 videos, train a small model, follow the
// job by subscription, score the test video, read scores and anomaly maps, evaluate, and see the model on
// the leaderboard. Runs on PGlite + the in-process queue, or on PostgreSQL (TEST_DATABASE_URL) and Redis
// (TEST_REDIS_URL) when they are set: the same test for both deployments.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createApiServer, httpRoutes, type ApiServer } from '@vad/api';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '@vad/db/testing';
import { BullmqQueueDriver, InProcessQueueDriver, type JobQueueDriver } from '@vad/queue';
import { LocalStorage } from '@vad/storage';
import { createJobHandlers, startJobRunner, type JobRunner } from '@vad/jobs';
import { graphqlCaller, until } from './graphql-caller';

const PED2 = path.resolve(__dirname, '../../../../shared/datasets/ucsd-ped2');
const labels = JSON.parse(fs.readFileSync(path.join(PED2, 'ground_truth/frame_labels.json'), 'utf8')) as Record<string, number[]>;
const queueKind = process.env.TEST_REDIS_URL ? 'bullmq' : 'in-process';

describe(`the platform end to end on ${testDatabaseKind()} with the ${queueKind} queue`, () => {
  let database: TestDatabase;
  let queue: JobQueueDriver;
  let runner: JobRunner;
  let api: ApiServer;
  let base: string;
  let dataDir: string;

  const gql = graphqlCaller(() => base);
  const waitForJob = async (id: string) =>
    (
      await until(
        () => gql('query($id: ID!) { job(id: $id) { status error result } }', { id }),
        (r) => ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(r.data?.job.status),
        240_000,
      )
    ).data?.job;
  const upload = async (datasetId: string, split: string, file: string, name: string, frameLabels?: number[]) => {
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(file)]), path.basename(file));
    if (frameLabels) form.append('labels', JSON.stringify(frameLabels));
    const response = await fetch(`${base}/uploads?datasetId=${datasetId}&split=${split}&name=${name}`, { method: 'POST', body: form });
    return { status: response.status, body: (await response.json()) as { jobId?: string; error?: { code: string; message: string } } };
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-e2e-'));
    database = await createTestDatabase();
    queue = process.env.TEST_REDIS_URL
      ? new BullmqQueueDriver({ url: process.env.TEST_REDIS_URL, prefix: `vad-e2e-${randomUUID()}` })
      : new InProcessQueueDriver();
    const storage = new LocalStorage(path.join(dataDir, 'artifacts'));
    const cacheDir = path.join(dataDir, 'cache');
    runner = await startJobRunner({ database, queue, storage, handlers: createJobHandlers({ cacheDir }), workerId: 'e2e', heartbeatMs: 250 });
    api = await createApiServer({ database, queue, storage, version: 'e2e', mode: 'embedded' }, { routes: httpRoutes({ maxUploadBytes: 50 * 1024 * 1024 }) });
    base = `http://127.0.0.1:${await api.listen(0, '127.0.0.1')}`;
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await runner?.stop();
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes a data set from upload to the leaderboard', async () => {
    const datasetId = (await gql('mutation { createDataset(name: "ped2-e2e") { id } }')).data?.createDataset.id as string;

    // uploads: a training video, a test video with its labels, and a file that is no video at all
    const train = await upload(datasetId, 'train', path.join(PED2, 'videos/train/01.mp4'), 'train01');
    expect(train.status).toBe(202);
    expect(await waitForJob(train.body.jobId as string)).toMatchObject({ status: 'SUCCEEDED' });
    const test = await upload(datasetId, 'test', path.join(PED2, 'videos/test/01.mp4'), 'test01', labels['01']);
    expect(await waitForJob(test.body.jobId as string)).toMatchObject({ status: 'SUCCEEDED' });
    const junk = path.join(dataDir, 'junk.mp4');
    fs.writeFileSync(junk, Buffer.from('this is not a video at all, just text pretending'));
    const bad = await upload(datasetId, 'test', junk, 'junk');
    const failed = await waitForJob(bad.body.jobId as string);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/junk|not a|recognis|magic|corrupt/i);
    expect(fs.readdirSync(path.join(dataDir, 'artifacts/uploads/incoming'))).toEqual([]);

    const { data: ds } = await gql(
      'query($id: ID!) { dataset(id: $id) { latestVersion { id number summary preview: syntheticPreviewUrl(seed: 1, count: 2) dataset { id } videos { id name split frameCount hasGroundTruth abnormalIntervals } } } }',
      { id: datasetId },
    );
    const version = ds?.dataset.latestVersion;
    // the training and the test upload arrived together: one version
    expect(version.number).toBe(1);
    expect(version.videos.map((v: { name: string; split: string; frameCount: number }) => [v.name, v.split, v.frameCount])).toEqual([
      ['train01', 'TRAIN', 120],
      ['test01', 'TEST', 180],
    ]);
    const testVideo = version.videos[1];
    expect(version.dataset.id).toBe(datasetId);
    const preview = await fetch(`${base}${version.preview}`);
    expect(preview.headers.get('content-type')).toBe('image/png');
    expect(testVideo.abnormalIntervals.length).toBeGreaterThan(0);

    // training, followed live over the WebSocket subscription
    const trainJob = (
      await gql(
        'mutation($d: ID!) { startTraining(input: { datasetVersionId: $d, modelName: "tiny", preset: "cpu-tiny", epochsTeacher: 1, epochsStudent: 1, batchSize: 8, seed: 3 }) { id status } }',
        { d: version.id },
      )
    ).data?.startTraining;
    const updates: { status: string; progress: { loss: number | null } | null }[] = [];
    const client = createClient({ url: `${base.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket });
    const subscription = new Promise<void>((resolve, reject) => {
      client.subscribe<{ jobUpdated: { status: string; progress: { loss: number | null } | null } }>(
        { query: 'subscription($id: ID) { jobUpdated(id: $id) { status progress { epoch loss framesPerSecond } } }', variables: { id: trainJob.id } },
        {
          next: ({ data }) => {
            if (!data) return;
            updates.push(data.jobUpdated);
            if (['SUCCEEDED', 'FAILED'].includes(data.jobUpdated.status)) resolve();
          },
          error: reject,
          complete: resolve,
        },
      );
    });
    await subscription;
    await client.dispose();
    expect(await waitForJob(trainJob.id)).toMatchObject({ status: 'SUCCEEDED', error: null });
    expect(updates.at(-1)?.status).toBe('SUCCEEDED');
    expect(updates.some((u) => u.status === 'RUNNING' && u.progress?.loss != null)).toBe(true);
    const trained = await gql(
      'query($id: ID!) { job(id: $id) { lossCurve { stage epoch globalStep loss } epochResults { stage epoch loss seconds } modelVersion { id number parameterCount checkpointRule } } }',
      { id: trainJob.id },
    );
    const modelVersion = trained.data?.job.modelVersion;
    expect(modelVersion).toMatchObject({ number: 1, checkpointRule: 'last-epoch' });
    expect(modelVersion.parameterCount).toBeGreaterThan(1000);
    // the loss curve keeps each point's stage (one teacher and one student epoch), the epochs their records
    const curve: { stage: string; epoch: number; globalStep: number }[] = trained.data?.job.lossCurve;
    expect(new Set(curve.map((p) => `${p.stage} ${p.epoch}`))).toEqual(new Set(['teacher 1', 'student 2']));
    expect(curve.map((p) => p.globalStep)).toEqual([...curve.map((p) => p.globalStep)].sort((a, b) => a - b));
    expect(trained.data?.job.epochResults).toMatchObject([
      { stage: 'teacher', epoch: 1 },
      { stage: 'student', epoch: 2 },
    ]);

    // inference on the test video, then its scores, frame and anomaly map
    const inferJob = (
      await gql('mutation($m: ID!, $d: ID!) { startInference(input: { modelVersionId: $m, datasetVersionId: $d, maskSeed: 1 }) { id } }', {
        m: modelVersion.id,
        d: version.id,
      })
    ).data?.startInference;
    expect(await waitForJob(inferJob.id)).toMatchObject({ status: 'SUCCEEDED' });
    const { data: runs } = await gql(
      'query($id: ID!) { job(id: $id) { inferenceRuns { id hasMaps framesPerSecond video { name } frameScores(protocol: "paper") { scores labels teacherError auc } map: anomalyMapUrl(frame: 100) } } }',
      { id: inferJob.id },
    );
    const run = runs?.job.inferenceRuns[0];
    expect(run.video.name).toBe('test01');
    expect(run.frameScores.scores).toHaveLength(180);
    expect(run.frameScores.labels).toEqual(labels['01']);
    expect(run.frameScores.auc).toBeGreaterThanOrEqual(0);
    expect(run.hasMaps).toBe(true);
    const map = await fetch(`${base}${run.map}`);
    expect(map.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await map.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const frame = await fetch(`${base}/files/videos/${testVideo.id}/frames/100.png`);
    expect(frame.status).toBe(200);

    // evaluation, and the model on the leaderboard; one test video of Ped2's twelve: no paper reference beside it
    const evalJob = (await gql('mutation($j: ID!) { startEvaluation(inferenceJobId: $j, protocol: "paper") { id } }', { j: inferJob.id })).data
      ?.startEvaluation;
    expect(await waitForJob(evalJob.id)).toMatchObject({ status: 'SUCCEEDED', error: null });
    const { data: board } = await gql(
      'query($d: ID!) { leaderboard(datasetId: $d, metric: MICRO_AUC) { protocol rows { rank comparable microAuc macroAuc framesPerSecond modelVersion { id } } references { source microAuc } } }',
      { d: datasetId },
    );
    expect(board?.leaderboard.rows).toHaveLength(1);
    const row = board?.leaderboard.rows[0];
    expect(row).toMatchObject({ rank: 1, comparable: true, modelVersion: { id: modelVersion.id } });
    expect(row.microAuc).toBeCloseTo(run.frameScores.auc, 10);
    expect(row.framesPerSecond).toBeGreaterThan(0);
    expect(board?.leaderboard.references).toEqual([]);
  }, 600_000);
});
