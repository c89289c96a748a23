import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../testing';
import { readLeaderboard } from './read-leaderboard';

describe(`readLeaderboard (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  let teamId: string;
  let otherTeamId: string;
  let datasetId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const prisma = database.prisma;
    teamId = (await prisma.team.create({ data: { slug: 'board', name: 'Board' } })).id;
    otherTeamId = (await prisma.team.create({ data: { slug: 'other', name: 'Other' } })).id;
    const dataset = await prisma.dataset.create({ data: { teamId, name: 'ped2' } });
    datasetId = dataset.id;
    const versions = [];
    for (const number of [1, 2]) {
      versions.push(
        await prisma.datasetVersion.create({ data: { datasetId, number, contentHash: `h${number}`, format: 'ucsd', summary: { testVideos: number } } }),
      );
    }
    const model = await prisma.model.create({ data: { teamId, name: 'mae' } });
    const modelVersion = await prisma.modelVersion.create({
      data: {
        modelId: model.id,
        number: 1,
        config: { preset: 'cpu-ped2' },
        checkpointPath: 'c',
        checkpointRule: 'last',
        parameterCount: 2_270_000,
        gflopsPerFrame: 1.25,
      },
    });
    for (const [i, version] of versions.entries()) {
      await prisma.evaluation.create({
        data: {
          modelVersionId: modelVersion.id,
          datasetVersionId: version.id,
          protocol: { name: 'paper' },
          protocolName: 'paper',
          microAuc: 0.8 + i / 10,
          macroAuc: null,
          metrics: { eer: 0.24, framesPerSecond: 12.9, rocCurve: { fpr: [0, 1], tpr: [0, 1] } },
          createdAt: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 120 + i)),
        },
      });
    }
    // a data set of another team, with the same name: never part of this team's board
    const foreign = await prisma.dataset.create({ data: { teamId: otherTeamId, name: 'ped2' } });
    await prisma.datasetVersion.create({ data: { datasetId: foreign.id, number: 1, contentHash: 'f', format: 'ucsd', summary: {} } });
  }, 60_000);
  afterAll(() => database.close());

  it('reads the same rows, with the same types, as Prisma reads them one table at a time', async () => {
    const prisma = database.prisma;
    const board = await readLeaderboard(prisma, teamId, datasetId);
    expect(board?.dataset).toEqual(await prisma.dataset.findUnique({ where: { id: datasetId } }));
    expect(board?.latestVersion).toEqual(await prisma.datasetVersion.findFirst({ where: { datasetId }, orderBy: { number: 'desc' } }));
    const expected = await prisma.evaluation.findMany({ where: { datasetVersion: { datasetId } }, include: { modelVersion: true, datasetVersion: true } });
    expect(expected).toHaveLength(2);
    const byId = (a: { evaluation: { id: string } }, b: { evaluation: { id: string } }) => a.evaluation.id.localeCompare(b.evaluation.id);
    expect([...(board?.entries ?? [])].sort(byId)).toEqual(
      expected.map(({ modelVersion, datasetVersion, ...evaluation }) => ({ evaluation, modelVersion, datasetVersionNumber: datasetVersion.number })).sort(byId),
    );
    expect(board?.entries[0].evaluation.createdAt).toBeInstanceOf(Date);
  });

  it("answers null for another team's data set, as for one that does not exist", async () => {
    expect(await readLeaderboard(database.prisma, otherTeamId, datasetId)).toBeNull();
    expect(await readLeaderboard(database.prisma, teamId, '00000000-0000-0000-0000-000000000000')).toBeNull();
  });

  it('reads a data set without versions as an empty board', async () => {
    const empty = await database.prisma.dataset.create({ data: { teamId, name: 'empty' } });
    expect(await readLeaderboard(database.prisma, teamId, empty.id)).toEqual({ dataset: empty, latestVersion: null, entries: [] });
  });
});
