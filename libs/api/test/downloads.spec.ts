// Downloads: a model version's checkpoint as a tar and its ONNX export, a run's frame scores and a leaderboard
// as CSV, each as a named attachment, found through the GraphQL URL fields; another team's are not found.
import fs from 'node:fs';
import path from 'node:path';
import { testDatabaseKind } from '@vad/db/testing';
import { extract } from 'tar-stream';
import { startTeamApi, type TeamApi } from './start-team-api';

async function untar(body: Buffer): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const reader = extract();
  reader.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk) => chunks.push(chunk as Buffer));
    stream.on('end', () => {
      files[header.name] = Buffer.concat(chunks).toString('utf8');
      next();
    });
  });
  const done = new Promise<void>((resolve, reject) => reader.on('finish', () => resolve()).on('error', reject));
  reader.end(body);
  await done;
  return files;
}

describe(`downloads on ${testDatabaseKind()}`, () => {
  let api: TeamApi;
  let versionId: string;
  let bareVersionId: string;
  let runId: string;
  let datasetId: string;

  const gql = async (query: string, variables: object) => {
    const response = await fetch(`${api.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: api.cookie },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: Record<string, Record<string, unknown>>; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const get = (url: string, cookie = api.cookie) => fetch(`${api.base}${url}`, { headers: { cookie } });

  beforeAll(async () => {
    api = await startTeamApi();
    const prisma = api.database.prisma;
    const model = await prisma.model.create({ data: { teamId: api.teamId, name: '=evil model' } });
    const key = 'teams/t/runs/j/epoch-0002';
    const folder = path.join(api.storage.root, key);
    fs.mkdirSync(path.join(folder, 'weights'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'state.json'), '{"epoch":2}');
    fs.writeFileSync(path.join(folder, 'weights', 'encoder.bin'), 'WEIGHTS');
    fs.writeFileSync(path.join(folder, 'model.onnx'), 'ONNX-BYTES');
    versionId = (await prisma.modelVersion.create({ data: { modelId: model.id, number: 3, config: {}, checkpointPath: key, checkpointRule: 'last-epoch' } }))
      .id;
    fs.mkdirSync(path.join(api.storage.root, 'teams/t/runs/k/epoch-0001'), { recursive: true });
    bareVersionId = (
      await prisma.modelVersion.create({
        data: { modelId: model.id, number: 4, config: {}, checkpointPath: 'teams/t/runs/k/epoch-0001', checkpointRule: 'last-epoch' },
      })
    ).id;

    const dataset = await prisma.dataset.create({ data: { teamId: api.teamId, name: 'ped2' } });
    datasetId = dataset.id;
    const version = await prisma.datasetVersion.create({ data: { datasetId: dataset.id, number: 1, contentHash: 'h', format: 'ucsd', summary: {} } });
    const video = await prisma.video.create({
      data: {
        datasetVersionId: version.id,
        name: '01',
        split: 'TEST',
        path: 'v.mp4',
        frameCount: 3,
        width: 4,
        height: 2,
        sizeBytes: 1,
        checksum: 'c',
        groundTruth: { create: { frameLabels: [0, 1, 1] } },
      },
    });
    const job = await prisma.job.create({ data: { teamId: api.teamId, kind: 'INFER', status: 'SUCCEEDED', parameters: {} } });
    runId = (
      await prisma.inferenceRun.create({
        data: {
          jobId: job.id,
          attempt: 1,
          modelVersionId: versionId,
          videoId: video.id,
          teacherError: [0.1, 0.5, 0.9],
          discrepancy: [0.2, 0.2, 0.4],
          classifier: [0.3, 0.6, 0.9],
          engine: 'onnx',
        },
      })
    ).id;
    await prisma.evaluation.create({
      data: {
        modelVersionId: versionId,
        datasetVersionId: version.id,
        protocol: {},
        protocolName: 'paper',
        microAuc: 0.9,
        macroAuc: 0.95,
        metrics: { framesPerSecond: 120 },
      },
    });
    await prisma.evaluation.create({
      data: { modelVersionId: bareVersionId, datasetVersionId: version.id, protocol: {}, protocolName: 'no-smoothing', microAuc: 0.99, metrics: {} },
    });
  }, 60_000);
  afterAll(() => api.close());

  it('hands out the checkpoint folder as a tar and the ONNX export alone, named after the model version', async () => {
    const { modelVersion } = await gql('query($id: ID!) { modelVersion(id: $id) { checkpointUrl onnxUrl } }', { id: versionId });
    const tar = await get(modelVersion.checkpointUrl as string);
    expect(tar.status).toBe(200);
    expect(tar.headers.get('content-disposition')).toBe('attachment; filename="_evil_model-v3.tar"');
    expect(await untar(Buffer.from(await tar.arrayBuffer()))).toEqual({
      '_evil_model-v3/model.onnx': 'ONNX-BYTES',
      '_evil_model-v3/state.json': '{"epoch":2}',
      '_evil_model-v3/weights/encoder.bin': 'WEIGHTS',
    });
    const onnx = await get(modelVersion.onnxUrl as string);
    expect(onnx.headers.get('content-disposition')).toBe('attachment; filename="_evil_model-v3.onnx"');
    expect(await onnx.text()).toBe('ONNX-BYTES');
    // a version whose training exported no ONNX model has no link, and the route says why
    const bare = await gql('query($id: ID!) { modelVersion(id: $id) { onnxUrl } }', { id: bareVersionId });
    expect(bare.modelVersion.onnxUrl).toBeNull();
    expect((await get(`/files/model-versions/${bareVersionId}/model.onnx`)).status).toBe(404);
  });

  it("writes a run's frame scores under the protocol asked, with the components and the labels", async () => {
    const { inferenceRun } = await gql(
      'query($id: ID!) { inferenceRun(id: $id) { scoresCsvUrl(protocol: "reference-code") frameScores(protocol: "reference-code") { scores } } }',
      { id: runId },
    );
    const response = await get(inferenceRun.scoresCsvUrl as string);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="01-_evil_model-v3-reference-code.csv"');
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe('frame,score_reference-code,teacher_error,discrepancy,classifier,label');
    const scores = (inferenceRun.frameScores as { scores: number[] }).scores;
    expect(lines.slice(1).map((line) => line.split(','))).toEqual(
      [0, 1, 2].map((frame) => [
        String(frame),
        String(scores[frame]),
        String([0.1, 0.5, 0.9][frame]),
        String([0.2, 0.2, 0.4][frame]),
        String([0.3, 0.6, 0.9][frame]),
        String([0, 1, 1][frame]),
      ]),
    );
    expect((await get(`/files/runs/${runId}/scores.csv?protocol=nonsense`)).status).toBe(400);
  });

  it('writes the leaderboard as ranked, rows of another protocol after it without a rank, names kept from running as formulas', async () => {
    const { leaderboard } = await gql('query($d: ID!) { leaderboard(datasetId: $d) { csvUrl } }', { d: datasetId });
    const lines = (await (await get(leaderboard.csvUrl as string)).text()).trim().split('\r\n');
    expect(lines).toEqual([
      'rank,model,version,protocol,dataset_version,comparable,micro_auc,macro_auc,rbdc,tbdc,frames_per_second,evaluated_at',
      expect.stringMatching(/^1,'=evil model,3,paper,1,true,0\.9,0\.95,,,120,\d{4}-/),
      expect.stringMatching(/^,'=evil model,4,no-smoothing,1,false,0\.99,,,,,\d{4}-/),
    ]);
  });

  it("finds nothing of another team's, and nothing without a session", async () => {
    const prisma = api.database.prisma;
    const other = await prisma.team.create({ data: { slug: 'other-dl', name: 'Other' } });
    const foreignModel = await prisma.model.create({ data: { teamId: other.id, name: 'theirs' } });
    const foreign = await prisma.modelVersion.create({
      data: { modelId: foreignModel.id, number: 1, config: {}, checkpointPath: 'teams/t/runs/j/epoch-0002', checkpointRule: 'last-epoch' },
    });
    const foreignDataset = await prisma.dataset.create({ data: { teamId: other.id, name: 'theirs' } });
    for (const url of [
      `/files/model-versions/${foreign.id}/checkpoint.tar`,
      `/files/model-versions/${foreign.id}/model.onnx`,
      `/files/leaderboards/${foreignDataset.id}.csv`,
    ]) {
      expect((await get(url)).status).toBe(404);
    }
    expect((await get(`/files/model-versions/${versionId}/checkpoint.tar`, '')).status).toBe(401);
  });
});
