// A worker killed with SIGKILL in the middle of an INFER job: the job is taken over once its heartbeat is
// stale, the next process scores only the videos not yet recorded, and every video has one run and one
// complete map file.
// Real processes (`vad start`), driven over HTTP, on both deployments (see platform-process.ts).
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readAnomalyMapHeader } from '@vad/data';
import { until } from './graphql-caller';
import { deploymentName, exitOf, PED2, platformProcess, type PlatformProcess } from './platform-process';

interface InferJob {
  status: string;
  attempt: number;
  error: string | null;
  logs: { attempt: number; message: string }[];
  inferenceRuns: { hasMaps: boolean; video: { id: string; name: string; frameCount: number } }[];
}

describe(`a worker killed mid-inference (${deploymentName})`, () => {
  let platform: PlatformProcess;
  let current: ChildProcess; // the running `vad start`
  let modelVersionId: string;
  let datasetVersionId: string;
  const testVideos = ['09', '03', '05'];
  const job = async (id: string): Promise<InferJob> =>
    (
      await platform.gql(
        'query($id: ID!) { job(id: $id) { status attempt error logs(last: 500) { attempt message } inferenceRuns { hasMaps video { id name frameCount } } } }',
        { id },
      )
    ).data?.job;
  const scored = (j: InferJob) => j.logs.filter((l) => l.message.startsWith('scored ')).map((l) => l.message.split(':')[0]);

  beforeAll(async () => {
    platform = await platformProcess({ name: 'infer-crash', staleSeconds: 3 });
    current = await platform.start();
    const datasetId = (await platform.gql('mutation { createDataset(name: "infer-crash") { id } }')).data?.createDataset.id;
    const imports = [await platform.upload(datasetId, 'train', 'train01', path.join(PED2, 'videos/train/01.mp4'))];
    for (const v of testVideos) imports.push(await platform.upload(datasetId, 'test', `test${v}`, path.join(PED2, `videos/test/${v}.mp4`)));
    for (const id of imports)
      await until(
        () => job(id),
        (j) => j.status === 'SUCCEEDED',
        60_000,
      );
    datasetVersionId = (await platform.gql('query($id: ID!) { dataset(id: $id) { latestVersion { id } } }', { id: datasetId })).data?.dataset.latestVersion.id;
    const trainId = (
      await platform.gql(
        'mutation($d: ID!) { startTraining(input: { datasetVersionId: $d, modelName: "stop", preset: "cpu-tiny", epochsTeacher: 1, epochsStudent: 1, batchSize: 4 }) { id } }',
        { d: datasetVersionId },
      )
    ).data?.startTraining.id;
    const trained = await until(
      async () => (await platform.gql('query($id: ID!) { job(id: $id) { status error modelVersion { id } } }', { id: trainId })).data?.job,
      (j) => ['SUCCEEDED', 'FAILED'].includes(j.status),
      180_000,
    );
    expect(trained).toMatchObject({ status: 'SUCCEEDED', error: null });
    modelVersionId = trained.modelVersion.id;
  }, 300_000);
  afterAll(() => platform?.close());

  it('is taken over, scores only the videos not yet recorded, and writes every run and map once', async () => {
    const id = (
      await platform.gql('mutation($m: ID!, $d: ID!) { startInference(input: { modelVersionId: $m, datasetVersionId: $d }) { id } }', {
        m: modelVersionId,
        d: datasetVersionId,
      })
    ).data?.startInference.id as string;
    // killed while it runs, after the first video's run is recorded
    await until(
      () => job(id),
      (j) => j.status === 'RUNNING' && scored(j).length >= 1,
      120_000,
      100,
    );
    current.kill('SIGKILL');
    await exitOf(current);
    current = await platform.start();

    const finished = await until(
      () => job(id),
      (j) => ['SUCCEEDED', 'FAILED'].includes(j.status),
      120_000,
    );
    expect(finished).toMatchObject({ status: 'SUCCEEDED', attempt: 2, error: null });
    // every video scored once over both attempts: the one recorded before the kill was not scored again
    expect(scored(finished).sort()).toEqual(testVideos.map((v) => `scored test${v}`).sort());
    expect(finished.inferenceRuns.map((r) => r.video.name).sort()).toEqual(testVideos.map((v) => `test${v}`).sort());
    const [teamFolder] = fs.readdirSync(path.join(platform.dataDir, 'artifacts/teams'));
    const maps = path.join(platform.dataDir, 'artifacts/teams', teamFolder, 'runs', id, 'maps');
    // one complete map file per video, and nothing half-written left beside them
    expect(fs.readdirSync(maps).sort()).toEqual(finished.inferenceRuns.map((r) => `${r.video.id}.bin`).sort());
    for (const run of finished.inferenceRuns) {
      expect(run.hasMaps).toBe(true);
      expect((await readAnomalyMapHeader(path.join(maps, `${run.video.id}.bin`))).frameCount).toBe(run.video.frameCount);
    }
  }, 300_000);
});
