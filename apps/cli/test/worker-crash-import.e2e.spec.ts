// A worker killed with SIGKILL in the middle of an IMPORT: the job is taken over once its heartbeat is
// stale, runs again in the next process, and records the data set once (one version, every video once).
// Real processes (`vad start`), driven over HTTP, on both deployments (see platform-process.ts).
import path from 'node:path';
import { until } from './graphql-caller';
import { deploymentName, exitOf, PED2, platformProcess, type PlatformProcess } from './platform-process';

describe(`a worker killed mid-import (${deploymentName})`, () => {
  let platform: PlatformProcess;
  const job = async (id: string) => (await platform.gql('query($id: ID!) { job(id: $id) { status attempt error } }', { id })).data?.job;
  beforeAll(async () => {
    // team mode imports server folders only below VAD_IMPORT_ROOTS
    platform = await platformProcess({ name: 'import-crash', staleSeconds: 3, env: { VAD_IMPORT_ROOTS: PED2 } });
  }, 60_000);
  afterAll(() => platform?.close());

  it('imports the folder again in the next process and records one version with every video once', async () => {
    const first = await platform.start();
    // Ped2 as JPEG frames: decoding all 4560 to verify them takes seconds, long enough to be killed in
    const importId = (
      await platform.gql(
        'mutation($p: String!, $l: String!) { importServerFolder(input: { datasetName: "ped2", path: $p, format: "ucsd", labelsPath: $l }) { id } }',
        {
          p: path.join(PED2, 'frames'),
          l: path.join(PED2, 'ground_truth/frame_labels.json'),
        },
      )
    ).data?.importServerFolder.id;
    await until(
      () => job(importId),
      (j) => j.status !== 'QUEUED',
      30_000,
      20,
    );
    expect((await job(importId)).status).toBe('RUNNING');
    first.kill('SIGKILL');
    await exitOf(first);

    await platform.start();
    const finished = await until(
      () => job(importId),
      (j) => ['SUCCEEDED', 'FAILED'].includes(j.status),
      90_000,
    );
    // attempt 2: the import did not finish before the kill, and ran again after it
    expect(finished).toMatchObject({ status: 'SUCCEEDED', attempt: 2, error: null });
    const datasets = (await platform.gql('{ datasets { name versions { number videos { name split } } } }')).data?.datasets;
    expect(datasets).toHaveLength(1);
    expect(datasets[0].versions).toHaveLength(1);
    const videos = datasets[0].versions[0].videos as { name: string; split: string }[];
    expect(videos).toHaveLength(16 + 12);
    expect(new Set(videos.map((v) => `${v.split}/${v.name}`)).size).toBe(videos.length);
  }, 180_000);
});
