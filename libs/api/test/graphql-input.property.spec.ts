// Property test of the GraphQL inputs (issue 9): arbitrary JSON in the variables of the queries and
// mutations that take user input. Every answer must be a client error with a message (HTTP 200 with
// errors, or 400) — never a 5xx, never INTERNAL_SERVER_ERROR, never a stack trace.
import fc from 'fast-check';
import { testDatabaseKind } from '@vad/db/testing';
import { startTeamApi, type TeamApi } from './start-team-api';

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string; stacktrace?: unknown } }[] };
}

describe(`arbitrary GraphQL variables on ${testDatabaseKind()}`, () => {
  let api: TeamApi;
  let ids: { datasetId: string; datasetVersionId: string; videoId: string };

  beforeAll(async () => {
    api = await startTeamApi();
    const prisma = api.database.prisma;
    const dataset = await prisma.dataset.create({ data: { teamId: api.teamId, name: 'fuzz' } });
    const version = await prisma.datasetVersion.create({ data: { datasetId: dataset.id, number: 1, contentHash: 'h', format: 'upload', summary: {} } });
    const video = await prisma.video.create({
      data: {
        datasetVersionId: version.id,
        name: 'v',
        split: 'TEST',
        path: '/nowhere.mp4',
        frameCount: 10,
        width: 8,
        height: 8,
        sizeBytes: BigInt(1),
        checksum: 'c',
      },
    });
    ids = { datasetId: dataset.id, datasetVersionId: version.id, videoId: video.id };
  }, 60_000);
  afterAll(() => api.close());

  const ask = async (document: string, variables: unknown): Promise<Answer> => {
    const response = await fetch(`${api.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: api.cookie },
      body: JSON.stringify({ query: document, variables }),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };

  const int = () => fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
  const hostileString = () =>
    fc.oneof(fc.string(), fc.constantFrom('', ' ', '../../etc/passwd', '%00', 'x'.repeat(5000), '{"a":1}', '\'; DROP TABLE "Job";--'));
  /** A real id of this team half of the time: the resolvers, not the type checks, must then answer. */
  const id = (real: () => string) =>
    fc.oneof(
      fc.constant(0).map(() => real()),
      fc.uuid(),
      hostileString(),
    );

  /** Inputs that satisfy the schema's types, with hostile values, so that resolvers run; and plain junk. */
  const operations = (): { name: string; document: string; variables: fc.Arbitrary<Record<string, unknown>> }[] => [
    {
      name: 'startTraining',
      document: 'mutation($input: TrainingInput!) { startTraining(input: $input) { id } }',
      variables: fc.record({
        input: fc.record(
          {
            datasetVersionId: id(() => ids.datasetVersionId),
            modelName: fc.oneof(fc.constantFrom('m1', 'model.v2'), hostileString()),
            preset: fc.oneof(fc.constantFrom('cpu-tiny', 'paper-avenue'), hostileString()),
            epochsTeacher: int(),
            epochsStudent: int(),
            batchSize: int(),
            seed: int(),
            overrides: fc.oneof(
              fc.jsonValue({ maxDepth: 3 }),
              fc.record({
                model: fc.dictionary(fc.constantFrom('maskRatio', 'ablation', 'patchSize', 'colour', 'encoder', 'dropoutRate'), fc.jsonValue({ maxDepth: 2 })),
              }),
            ),
          },
          { requiredKeys: ['datasetVersionId', 'modelName', 'preset'] },
        ),
      }),
    },
    {
      name: 'startInference',
      document: 'mutation($input: InferenceInput!) { startInference(input: $input) { id } }',
      variables: fc.record({
        input: fc.record(
          {
            modelVersionId: hostileString(),
            videoIds: fc.array(
              id(() => ids.videoId),
              { maxLength: 3 },
            ),
            datasetVersionId: id(() => ids.datasetVersionId),
            maskSeed: int(),
          },
          { requiredKeys: ['modelVersionId'] },
        ),
      }),
    },
    {
      name: 'setFrameLabels',
      document: 'mutation($v: ID!, $l: [Int!], $i: [[Int!]!]) { setFrameLabels(videoId: $v, labels: $l, intervals: $i) { id } }',
      variables: fc.record(
        {
          v: id(() => ids.videoId),
          l: fc.array(int(), { maxLength: 12 }),
          i: fc.array(fc.array(fc.integer({ min: -20, max: 40 }), { maxLength: 3 }), { maxLength: 4 }),
        },
        { requiredKeys: ['v'] },
      ),
    },
    {
      name: 'jobs',
      document: 'query($f: JobFilter, $n: Int, $a: String) { jobs(filter: $f, first: $n, after: $a) { nodes { id } } }',
      variables: fc.record(
        {
          f: fc.record(
            {
              status: fc.array(fc.constantFrom('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
              kind: fc.array(fc.constantFrom('IMPORT', 'TRAIN', 'INFER', 'EVALUATE')),
              queuedById: hostileString(),
            },
            { requiredKeys: [] },
          ),
          n: int(),
          a: hostileString(),
        },
        { requiredKeys: [] },
      ),
    },
    {
      name: 'leaderboard',
      document: 'query($d: ID!, $m: LeaderboardMetric, $p: String) { leaderboard(datasetId: $d, metric: $m, protocol: $p) { protocol } }',
      variables: fc.record(
        {
          d: id(() => ids.datasetId),
          m: fc.constantFrom('MICRO_AUC', 'MACRO_AUC', 'RBDC', 'TBDC'),
          p: fc.oneof(fc.constantFrom('paper', 'reference-code'), hostileString()),
        },
        { requiredKeys: ['d'] },
      ),
    },
    { name: 'createDataset', document: 'mutation($n: String!) { createDataset(name: $n) { id } }', variables: fc.record({ n: hostileString() }) },
    {
      name: 'createApiToken',
      document: 'mutation($n: String!, $r: Role) { createApiToken(name: $n, role: $r) { token } }',
      variables: fc.record({ n: hostileString(), r: fc.constantFrom('VIEWER', 'MEMBER', 'OWNER') }, { requiredKeys: ['n'] }),
    },
  ];
  const junk = () => fc.dictionary(fc.string({ maxLength: 3 }), fc.jsonValue({ maxDepth: 3 }));

  it.each(['startTraining', 'startInference', 'setFrameLabels', 'jobs', 'leaderboard', 'createDataset', 'createApiToken'])(
    '%s answers every input with a client error or data, never a server error',
    async (name) => {
      const operation = operations().find((o) => o.name === name);
      if (!operation) throw new Error(`no operation ${name}`);
      await fc.assert(
        fc.asyncProperty(fc.oneof({ arbitrary: operation.variables, weight: 3 }, { arbitrary: junk(), weight: 1 }), async (variables) => {
          const answer = await ask(operation.document, variables);
          expect(answer.status).toBeLessThan(500);
          for (const error of answer.body.errors ?? []) {
            expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
            expect(error.message.length).toBeGreaterThan(0);
          }
          if (answer.body.errors === undefined) expect(answer.body.data).toBeDefined();
        }),
        { numRuns: 60 },
      );
    },
    120_000,
  );
});
