// The anomaly map route: one frame of a run's token maps as a heat-map PNG, per component (on the run's
// own value range) or combined (the paper protocol's normalised, weighted, filtered volume, from the
// normal level 0 to the run's maximum).
import fs from 'node:fs';
import path from 'node:path';
import { AnomalyMapWriter } from '@vad/data';
import { testDatabaseKind } from '@vad/db/testing';
import { combinedAnomalyVolume, protocolPreset } from '@vad/metrics';
import { PNG } from 'pngjs';
import { heatMapRgba } from '../src/files/heat-map';
import { startTeamApi, type TeamApi } from './start-team-api';

// frame 1's token maps: the teacher's frame-channel error and anomaly-map error (mean 0, 0.1, 0.5, 1 over both), the discrepancy
const TEACHER = Float32Array.of(0, 0.2, 0.6, 1);
const TEACHER_MAP = Float32Array.of(0, 0, 0.4, 1);
const DISCREPANCY = Float32Array.of(2, 0.5, 0, 1);
const STATISTICS = {
  teacherError: { frame: { location: 0.1, scale: 0.5 }, anomalyMap: { location: 0, scale: 0.05 } },
  discrepancy: { frame: { location: 0, scale: 1 } },
  classifier: { location: 0.2, scale: 0.1 },
};
const CLASSIFIER = [0.2, 0.4];

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
    const componentStatistics = { format: 'vad-component-statistics', formatVersion: 1, statistics: STATISTICS, source: { videos: ['t'], frames: 1, heldOut: true } };
    const modelVersion = await prisma.modelVersion.create({ data: { modelId: model.id, number: 1, config: {}, checkpointPath: 'c', checkpointRule: 'last', componentStatistics } });
    const job = await prisma.job.create({ data: { teamId: api.teamId, kind: 'INFER', status: 'SUCCEEDED', parameters: {} } });
    const mapsPath = `teams/${api.teamId}/runs/${job.id}/maps/${video.id}.bin`;
    fs.mkdirSync(path.dirname(api.storage.localPath(mapsPath)), { recursive: true });
    const writer = await AnomalyMapWriter.create(api.storage.localPath(mapsPath), {
      width: 2,
      height: 2,
      frameChannels: 1,
      maps: ['teacherError.frame', 'teacherError.anomalyMap', 'discrepancy.frame'],
    });
    const zeros = new Float32Array(4);
    await writer.append({ 'teacherError.frame': zeros, 'teacherError.anomalyMap': zeros, 'discrepancy.frame': zeros });
    await writer.append({ 'teacherError.frame': TEACHER, 'teacherError.anomalyMap': TEACHER_MAP, 'discrepancy.frame': DISCREPANCY });
    await writer.finish();
    runId = (
      await prisma.inferenceRun.create({
        data: { jobId: job.id, attempt: 1, modelVersionId: modelVersion.id, videoId: video.id, teacherError: [0, 0], discrepancy: [0, 0], classifier: CLASSIFIER, mapsPath, engine: 'onnx' },
      })
    ).id;
  }, 60_000);
  afterAll(() => api.close());

  it('draws one component of the frame asked for, its mean over the output channels, on the run’s own range', async () => {
    const png = await mapPng('teacher');
    expect([png.width, png.height]).toEqual([2, 2]);
    // channel means 0, 0.1, 0.5, 1 on the run's range 0..1 (frame 0 is all zeros)
    expect(Array.from(png.data)).toEqual(Array.from(heatMapRgba(Uint8Array.of(0, 26, 128, 255))));
  });

  it('draws the paper protocol’s combined volume from the normal level 0 to the run’s maximum', async () => {
    const maps = (last: Float32Array) => ({ channels: 1, maps: [new Float32Array(4), last].map((data) => ({ width: 2, height: 2, data })) });
    const { volume } = combinedAnomalyVolume(
      { teacherError: { frame: maps(TEACHER), anomalyMap: maps(TEACHER_MAP) }, discrepancy: { frame: maps(DISCREPANCY) }, classifier: CLASSIFIER },
      protocolPreset('paper'),
      STATISTICS,
    );
    const high = Math.max(...volume.flatMap((m) => Array.from(m.data)));
    const expected = Uint8Array.from(volume[1].data, (v) => Math.round(Math.min(1, Math.max(0, v / high)) * 255));
    const teacherAlone = Uint8Array.of(0, 26, 128, 255);
    expect(expected).not.toEqual(teacherAlone); // normalisation and weights make a difference on these cells
    expect(Array.from((await mapPng('combined')).data)).toEqual(Array.from(heatMapRgba(expected)));
  });
});
