// The leaderboard over GraphQL, read fresh on every request: an evaluation recorded by a worker (straight into
// the store) is ranked on the very next request, and another team's data set is not found.
import { testDatabaseKind } from '@vad/db/testing';
import { startTeamApi, type TeamApi } from './start-team-api';

interface Board {
  data?: {
    leaderboard: { datasetVersion: { number: number }; rows: { rank: number; microAuc: number; comparable: boolean; modelVersion: { number: number } }[] };
  };
  errors?: { extensions?: { code?: string } }[];
}

describe(`the leaderboard over GraphQL on ${testDatabaseKind()}`, () => {
  let api: TeamApi;
  let datasetId: string;
  let datasetVersionId: string;
  let modelId: string;

  const board = async (id = datasetId): Promise<Board> => {
    const response = await fetch(`${api.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: api.cookie },
      body: JSON.stringify({
        query: 'query($d: ID!) { leaderboard(datasetId: $d) { datasetVersion { number } rows { rank microAuc comparable modelVersion { number } } } }',
        variables: { d: id },
      }),
    });
    return (await response.json()) as Board;
  };
  const evaluate = async (versionNumber: number, microAuc: number) => {
    const prisma = api.database.prisma;
    const modelVersion = await prisma.modelVersion.create({
      data: { modelId, number: versionNumber, config: {}, checkpointPath: 'c', checkpointRule: 'last' },
    });
    await prisma.evaluation.create({ data: { modelVersionId: modelVersion.id, datasetVersionId, protocol: {}, protocolName: 'paper', microAuc, metrics: {} } });
  };

  beforeAll(async () => {
    api = await startTeamApi();
    const prisma = api.database.prisma;
    datasetId = (await prisma.dataset.create({ data: { teamId: api.teamId, name: 'ped2' } })).id;
    datasetVersionId = (await prisma.datasetVersion.create({ data: { datasetId, number: 1, contentHash: 'h', format: 'ucsd', summary: {} } })).id;
    modelId = (await prisma.model.create({ data: { teamId: api.teamId, name: 'mae' } })).id;
  }, 60_000);
  afterAll(() => api.close());

  it('ranks an evaluation on the first request after it is recorded, and a better one above it on the next', async () => {
    expect((await board()).data?.leaderboard.rows).toEqual([]);
    await evaluate(1, 0.8);
    expect((await board()).data?.leaderboard.rows).toEqual([{ rank: 1, microAuc: 0.8, comparable: true, modelVersion: { number: 1 } }]);
    await evaluate(2, 0.9);
    expect((await board()).data?.leaderboard.rows.map((row) => [row.rank, row.modelVersion.number])).toEqual([
      [1, 2],
      [2, 1],
    ]);
  });

  it('marks earlier rows as not comparable once the data set has a newer version', async () => {
    await api.database.prisma.datasetVersion.create({ data: { datasetId, number: 2, contentHash: 'h2', format: 'ucsd', summary: {} } });
    const leaderboard = (await board()).data?.leaderboard;
    expect(leaderboard?.datasetVersion.number).toBe(2);
    expect(leaderboard?.rows.every((row) => !row.comparable)).toBe(true);
  });

  it("answers another team's data set as NOT_FOUND", async () => {
    const other = await api.database.prisma.team.create({ data: { slug: 'other', name: 'Other' } });
    const foreign = await api.database.prisma.dataset.create({ data: { teamId: other.id, name: 'ped2' } });
    expect((await board(foreign.id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
