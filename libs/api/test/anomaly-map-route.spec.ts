// The anomaly map route: one frame of a run's token maps as a heat-map PNG, per component (on the run's
// own value range) or combined (the paper protocol's normalised, weighted, filtered volume, from the
// normal level 0 to the run's maximum).
import fs from 'node:fs';
import path from 'node:path';
import { AnomalyMapWriter } from '@vad/data';
import { testDatabaseKind } from '@vad/db/testing';
import { combinedAnomalyVolume, protocolPreset } from '@vad/metrics';
import { PNG } from 'pngjs';
import { heatMapRgba } from '@vad/metrics';
import { startTeamApi, type TeamApi } from './start-team-api';

// frame 1's token maps: the teacher's frame-channel error and anomaly-map error (mean 0, 0.1, 0.5, 1 over both), the discrepancy
const TEACHER = Float32Array.of(0, 0.2, 0.6, 1);
const TEACHER_MAP = Float32Array.of(0, 0, 0.4, 1);
const DISCREPANCY = Float32Array.of(2, 0.5, 0, 1);
const STATISTICS = {
  teacherError: { frame: { location: 0.1, scale: 0.5 }, anomalyMap: { location: 0, scale: 0.05 } },
  discrepancy: { frame: { location: 0, scale: 1 } },
  classifier: { location: 0.2, scale: 0.1 },
  // chosen by the model version on held-out training videos, for `paper-chosen-weights`; `paper` keeps 0.4 / 0.3 / 0.3
  weights: { teacherError: 0.2, discrepancy: 0.7, classifier: 0.1 },
};
const CLASSIFIER = [0.2, 0.4];

describe(`the anomaly map route on ${testDatabaseKind()}`, () => {
  let api: TeamApi;
  let runId: string;
  let modelVersionId: string;

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
    const componentStatistics = {
      format: 'vad-component-statistics',
      formatVersion: 1,
      statistics: STATISTICS,
      source: { videos: ['t'], frames: 1, heldOut: true },
    };
    const modelVersion = await prisma.modelVersion.create({
      data: { modelId: model.id, number: 1, config: {}, checkpointPath: 'c', checkpointRule: 'last', componentStatistics },
    });
    modelVersionId = modelVersion.id;
    const job = await prisma.job.create({ data: { teamId: api.teamId, kind: 'INFER', status: 'SUCCEEDED', parameters: {} } });
    const mapsPath = `teams/${api.teamId}/runs/${job.id}/maps/${video.id}.bin`;
    fs.mkdirSync(path.dirname(path.join(api.storage.root, mapsPath)), { recursive: true });
    const writer = await AnomalyMapWriter.create(path.join(api.storage.root, mapsPath), {
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
        data: {
          jobId: job.id,
          attempt: 1,
          modelVersionId: modelVersion.id,
          videoId: video.id,
          teacherError: [0, 0],
          discrepancy: [0, 0],
          classifier: CLASSIFIER,
          mapsPath,
          engine: 'onnx',
        },
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

  it('names the weights the combined volume is drawn with on the model version', async () => {
    const response = await fetch(`${api.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: api.cookie },
      body: JSON.stringify({
        query: 'query($id: ID!) { modelVersion(id: $id) { scoreWeights { teacherError discrepancy classifier source } } }',
        variables: { id: modelVersionId },
      }),
    });
    const body = (await response.json()) as { data: { modelVersion: { scoreWeights: unknown } } };
    expect(body.data.modelVersion.scoreWeights).toEqual({ ...STATISTICS.weights, source: 'chosen' });
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
    const withPaperWeights = combinedAnomalyVolume(
      { teacherError: { frame: maps(TEACHER), anomalyMap: maps(TEACHER_MAP) }, discrepancy: { frame: maps(DISCREPANCY) }, classifier: CLASSIFIER },
      protocolPreset('paper'),
      { ...STATISTICS, weights: undefined },
    ).volume;
    expect(Array.from(withPaperWeights[1].data)).toEqual(Array.from(volume[1].data)); // `paper` ignores the chosen weights
    expect(Array.from((await mapPng('combined')).data)).toEqual(Array.from(heatMapRgba(expected)));
  });

  it('tells the viewer the ramp, the frame’s peak and the regions a threshold detects, from the volume the picture draws', async () => {
    const ask = async (threshold: number | null, component = 'combined') => {
      const response = await fetch(`${api.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: api.cookie },
        body: JSON.stringify({
          query:
            'query($id: ID!, $t: Float, $c: String) { inferenceRun(id: $id) { anomalyMap(frame: 1, component: $c, threshold: $t) { url width height low high scale peak regions { x0 y0 x1 y1 peak } } } }',
          variables: { id: runId, t: threshold, c: component },
        }),
      });
      const body = (await response.json()) as { data?: { inferenceRun: { anomalyMap: Record<string, unknown> } }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      return body.data?.inferenceRun.anomalyMap as {
        url: string;
        low: number;
        high: number;
        scale: string;
        peak: number;
        regions: { x0: number; y0: number; x1: number; y1: number; peak: number }[];
      };
    };
    const maps = (last: Float32Array) => ({ channels: 1, maps: [new Float32Array(4), last].map((data) => ({ width: 2, height: 2, data })) });
    const { volume } = combinedAnomalyVolume(
      { teacherError: { frame: maps(TEACHER), anomalyMap: maps(TEACHER_MAP) }, discrepancy: { frame: maps(DISCREPANCY) }, classifier: CLASSIFIER },
      protocolPreset('paper'),
      STATISTICS,
    );
    const frame = Array.from(volume[1].data);
    const peak = Math.max(...frame);
    const whole = await ask(null);
    expect(whole).toMatchObject({ url: `/files/runs/${runId}/maps/1.png?component=combined`, width: 2, height: 2, low: 0, scale: 'standardised', regions: [] });
    expect(whole.high).toBeCloseTo(Math.max(...volume.flatMap((m) => Array.from(m.data))), 5);
    expect(whole.peak).toBeCloseTo(peak, 5);
    // at a threshold just below the peak, one region: the peak's own cell
    const top = frame.indexOf(peak);
    const [x, y] = [top % 2, Math.floor(top / 2)];
    const atPeak = await ask(peak - 1e-4);
    expect(atPeak.regions).toHaveLength(1);
    expect(atPeak.regions[0]).toMatchObject({ x0: x, y0: y, x1: x, y1: y });
    expect(atPeak.regions[0].peak).toBeCloseTo(peak, 5);
    // below every cell, the whole map is one region
    expect((await ask(Math.min(...frame) - 1)).regions).toMatchObject([{ x0: 0, y0: 0, x1: 1, y1: 1 }]);
    // a single component is on the run's own raw range
    expect(await ask(null, 'teacher')).toMatchObject({ scale: 'raw', low: 0, peak: 1 });
  });
});
