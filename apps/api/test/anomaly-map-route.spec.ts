// The pixel anomaly map route: one frame of a run's maps as a heat-map PNG, per component or combined
// (the weighted mean of teacher error and discrepancy with the paper protocol's weights).
import fs from 'node:fs';
import path from 'node:path';
import { AnomalyMapWriter } from '@vad/data';
import { testDatabaseKind } from '@vad/db/testing';
import { protocolPreset } from '@vad/metrics';
import { PNG } from 'pngjs';
import { heatMapRgba } from '../src/files/heat-map';
import { startTeamApi, type TeamApi } from './start-team-api';

const TEACHER = Uint8Array.of(0, 40, 200, 255);
const DISCREPANCY = Uint8Array.of(255, 40, 0, 100);

describe(`the anomaly map route on ${testDatabaseKind()}`, () => {
  let api: TeamApi;
  let runId: string;

  const mapPng = async (component: string) => {
    const response = await fetch(`${api.base}/files/runs/${runId}/maps/1.png?component=${component}`, { headers: { cookie: api.cookie } });
    expect(response.status).toBe(200);
    return PNG.sync.read(Buffer.from(await response.arrayBuffer()));
  };

  beforeAll(async () => {
    api = await startTeamApi();
    const prisma = api.database.prisma;
    const dataset = await prisma.dataset.create({ data: { teamId: api.teamId, name: 'maps' } });
    const version = await prisma.datasetVersion.create({ data: { datasetId: dataset.id, number: 1, contentHash: 'h', format: 'upload', summary: {} } });
    const video = await prisma.video.create({
      data: { datasetVersionId: version.id, name: 'v', split: 'TEST', path: 'v.mp4', frameCount: 2, width: 4, height: 2, sizeBytes: 1, checksum: 'c' },
    });
    const model = await prisma.model.create({ data: { teamId: api.teamId, name: 'm' } });
    const modelVersion = await prisma.modelVersion.create({ data: { modelId: model.id, number: 1, config: {}, checkpointPath: 'c', checkpointRule: 'last' } });
    const job = await prisma.job.create({ data: { teamId: api.teamId, kind: 'INFER', status: 'SUCCEEDED', parameters: {} } });
    const mapsPath = `teams/${api.teamId}/runs/${job.id}/maps/${video.id}.bin`;
    fs.mkdirSync(path.dirname(api.storage.localPath(mapsPath)), { recursive: true });
    const writer = await AnomalyMapWriter.create(api.storage.localPath(mapsPath), { width: 2, height: 2, scale: 1, components: ['teacherError', 'discrepancy'] });
    await writer.append({ teacherError: new Uint8Array(4), discrepancy: new Uint8Array(4) });
    await writer.append({ teacherError: TEACHER, discrepancy: DISCREPANCY });
    await writer.finish();
    runId = (
      await prisma.inferenceRun.create({
        data: { jobId: job.id, attempt: 1, modelVersionId: modelVersion.id, videoId: video.id, teacherError: [0, 0], discrepancy: [0, 0], classifier: [0, 0], mapsPath, engine: 'onnx' },
      })
    ).id;
  }, 60_000);
  afterAll(() => api.close());

  it('draws one component of the frame asked for', async () => {
    const png = await mapPng('teacher');
    expect([png.width, png.height]).toEqual([2, 2]);
    expect(Array.from(png.data)).toEqual(Array.from(heatMapRgba(TEACHER)));
  });

  it('draws the weighted mean of both components as the combined map', async () => {
    const { teacherError: alpha, discrepancy: beta } = protocolPreset('paper').parameters.weights;
    const mean = TEACHER.map((t, i) => Math.round((alpha * t + beta * DISCREPANCY[i]) / (alpha + beta)));
    expect(mean).not.toEqual(TEACHER); // the weights make a difference on these pixels
    expect(Array.from((await mapPng('combined')).data)).toEqual(Array.from(heatMapRgba(mean)));
  });
});
