// A worker killed with SIGKILL in the middle of training: the job is detected as orphaned (its heartbeat
// stops), runs again in the next process, resumes from its last checkpoint, and records one model version.
// Real processes (`vad start`), driven over HTTP, on both deployments (see platform-process.ts).
import path from 'node:path';
import { until } from './graphql-caller';
import { deploymentName, exitOf, PED2, platformProcess, type PlatformProcess } from './platform-process';

describe(`a worker killed mid-training (${deploymentName})`, () => {
  let platform: PlatformProcess;
  const job = async (id: string) =>
    (await platform.gql('query($id: ID!) { job(id: $id) { status attempt error progress { epoch } modelVersion { id trainingMetrics } } }', { id })).data?.job;
  beforeAll(async () => {
    platform = await platformProcess({ name: 'crash', staleSeconds: 3 });
  }, 60_000);
  afterAll(() => platform?.close());

  it('resumes the training from its last checkpoint in the next process and records it once', async () => {
    const first = await platform.start();
    const datasetId = (await platform.gql('mutation { createDataset(name: "crash") { id } }')).data?.createDataset.id;
    const importId = await platform.upload(datasetId, 'train', 'train01', path.join(PED2, 'videos/train/01.mp4'));
    await until(
      () => job(importId),
      (j) => j.status === 'SUCCEEDED',
      60_000,
    );
    const versionId = (await platform.gql('query($id: ID!) { dataset(id: $id) { latestVersion { id } } }', { id: datasetId })).data?.dataset.latestVersion.id;
    const trainId = (
      await platform.gql(
        'mutation($d: ID!) { startTraining(input: { datasetVersionId: $d, modelName: "crash", preset: "cpu-tiny", epochsTeacher: 4, epochsStudent: 1, batchSize: 4 }) { id } }',
        { d: versionId },
      )
    ).data?.startTraining.id;
    // killed once the first epoch's checkpoint is on disk and the second epoch runs
    await until(
      () => job(trainId),
      (j) => j.status === 'RUNNING' && (j.progress?.epoch ?? 0) >= 2,
      120_000,
    );
    first.kill('SIGKILL');
    await exitOf(first);

    await platform.start();
    const finished = await until(
      () => job(trainId),
      (j) => ['SUCCEEDED', 'FAILED'].includes(j.status),
      240_000,
    );
    expect(finished).toMatchObject({ status: 'SUCCEEDED', attempt: 2, error: null });
    expect(finished.modelVersion.trainingMetrics.resumedFrom).toMatch(/epoch-0*[1-9]/);
    const versions = (await platform.gql('{ models { name versions { id } } }')).data?.models;
    expect(versions).toEqual([{ name: 'crash', versions: [{ id: finished.modelVersion.id }] }]);
  }, 600_000);
});
