import { createTestDatabase, testDatabaseKind, type TestDatabase } from '@vad/db/testing';
import { jobSubject } from './job-subject';

describe(`jobSubject on ${testDatabaseKind()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  }, 60_000);
  afterAll(() => database.close());

  it("names each kind's data set, model and protocol, looked up in the job's own team only", async () => {
    const prisma = database.prisma;
    const team = await prisma.team.create({ data: { slug: 'subjects', name: 'S' } });
    const other = await prisma.team.create({ data: { slug: 'subjects-other', name: 'O' } });
    const dataset = await prisma.dataset.create({ data: { teamId: team.id, name: 'ped2' } });
    const version = await prisma.datasetVersion.create({ data: { datasetId: dataset.id, number: 2, contentHash: 'h', format: 'ucsd', summary: {} } });
    const video = await prisma.video.create({
      data: { datasetVersionId: version.id, name: '01', split: 'TEST', path: 'v', frameCount: 1, width: 1, height: 1, sizeBytes: 1, checksum: 'c' },
    });
    const model = await prisma.model.create({ data: { teamId: team.id, name: 'sdmae' } });
    const modelVersion = await prisma.modelVersion.create({
      data: { modelId: model.id, number: 3, config: {}, checkpointPath: 'c', checkpointRule: 'last-epoch' },
    });
    const job = (kind: 'IMPORT' | 'TRAIN' | 'INFER' | 'EVALUATE', parameters: object, teamId = team.id) =>
      prisma.job.create({ data: { teamId, kind, parameters } });
    const infer = await job('INFER', { modelVersionId: modelVersion.id, videoIds: [video.id] });
    const subjects = await Promise.all(
      [
        await job('IMPORT', { source: 'upload', datasetId: dataset.id, split: 'train', name: 'train01', storageKey: 'k' }),
        await job('IMPORT', { source: 'folder', path: '/x', format: 'ucsd', datasetName: 'UCSD Ped2' }),
        await job('TRAIN', { datasetVersionId: version.id, modelName: 'sdmae', preset: 'cpu-ped2' }),
        infer,
        await job('EVALUATE', { inferenceJobId: infer.id, protocol: { name: 'paper', version: '2', parameters: {} } }),
        // another team's job cannot name this team's data set
        await job('TRAIN', { datasetVersionId: version.id, modelName: 'theirs', preset: 'cpu-tiny' }, other.id),
      ].map((j) => jobSubject(prisma, j)),
    );
    expect(subjects).toEqual([
      'import train01 into ped2 (train)',
      'import the folder data set UCSD Ped2',
      'train sdmae on ped2 v2 (cpu-ped2)',
      'score 1 video of ped2 v2 with sdmae v3',
      'evaluate 1 video of ped2 v2 with sdmae v3 (paper)',
      'train theirs on (deleted data set) (cpu-tiny)',
    ]);
  });
});
