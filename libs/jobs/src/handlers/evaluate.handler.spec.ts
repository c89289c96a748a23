import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnomalyMapWriter, openImportedMasks, readMaskFrames } from '@vad/data';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '@vad/db/testing';
import { protocolPreset } from '@vad/metrics';
import { LocalStorage } from '@vad/storage';
import { jobExecution } from '../testing/job-fixture';
import { evaluateHandler, overallFramesPerSecond } from './evaluate.handler';

const PED2 = path.resolve(__dirname, '../../../../../shared/datasets/ucsd-ped2');
const labels = JSON.parse(fs.readFileSync(path.join(PED2, 'ground_truth/frame_labels.json'), 'utf8')) as Record<string, number[]>;

describe(`the EVALUATE handler on ${testDatabaseKind()}`, () => {
  let database: TestDatabase;
  let storage: LocalStorage;
  beforeAll(async () => {
    database = await createTestDatabase();
    storage = new LocalStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'vad-eval-')));
  }, 60_000);
  afterAll(() => database.close());

  it.each([
    ['read in place (an imported data set)', 'in-place'],
    ['stored by key (uploaded through the dashboard)', 'stored'],
  ])(
    'records frame AUCs from the raw components and RBDC/TBDC from maps and masks %s, with the protocol',
    async (_how, where) => {
      const prisma = database.prisma;
      const team = await prisma.team.create({ data: { slug: `eval-${where}`, name: 'Eval' } });
      const dataset = await prisma.dataset.create({ data: { teamId: team.id, name: 'ped2' } });
      const version = await prisma.datasetVersion.create({ data: { datasetId: dataset.id, number: 1, contentHash: 'h', format: 'ucsd', summary: {} } });
      const pedMasks = path.join(PED2, 'ground_truth/pixel_masks/01');
      const masksPath = where === 'in-place' ? pedMasks : `teams/${team.id}/masks/01`;
      if (where === 'stored') fs.cpSync(pedMasks, path.join(storage.root, masksPath), { recursive: true });
      const video = await prisma.video.create({
        data: {
          datasetVersionId: version.id,
          name: '01',
          split: 'TEST',
          path: path.join(PED2, 'videos/test/01.mp4'),
          frameCount: 180,
          width: 360,
          height: 240,
          sizeBytes: BigInt(1),
          checksum: 'c',
          groundTruth: { create: { frameLabels: labels['01'], masksPath, maskFormat: 'image-folder' } },
        },
      });
      const model = await prisma.model.create({ data: { teamId: team.id, name: 'm' } });
      const unit = { location: 0, scale: 1 };
      const componentStatistics = {
        format: 'vad-component-statistics',
        formatVersion: 1,
        statistics: { teacherError: { frame: unit }, discrepancy: null, classifier: unit },
        source: { videos: ['x'], frames: 1, heldOut: true },
      };
      const modelVersion = await prisma.modelVersion.create({
        data: { modelId: model.id, number: 1, config: {}, checkpointPath: 'x', checkpointRule: 'last-epoch', componentStatistics },
      });
      const inferJob = await prisma.job.create({ data: { teamId: team.id, kind: 'INFER', parameters: {}, status: 'SUCCEEDED' } });
      // maps pooled from the masks: a detector that is right everywhere
      const mapsKey = `runs/${inferJob.id}/01.bin`;
      fs.mkdirSync(path.dirname(path.join(storage.root, mapsKey)), { recursive: true });
      const writer = await AnomalyMapWriter.create(path.join(storage.root, mapsKey), { width: 18, height: 12, frameChannels: 1, maps: ['teacherError.frame'] });
      const set = await openImportedMasks({ name: '01', masksPath: pedMasks, maskFormat: 'image-folder' });
      for await (const mask of readMaskFrames(set!, { name: '01', frameCount: 180, width: 360, height: 240 })) {
        const map = new Float32Array(18 * 12);
        for (let i = 0; i < mask.length; i++) if (mask[i]) map[Math.floor(Math.floor(i / 360) / 20) * 18 + Math.floor((i % 360) / 20)] = 1;
        await writer.append({ 'teacherError.frame': map });
      }
      await writer.finish();
      // the per-frame columns rank every frame wrongly: the result can only be right if it comes from the maps
      const wrong = labels['01'].map((l) => 1 - l);
      await prisma.inferenceRun.create({
        data: {
          jobId: inferJob.id,
          attempt: 1,
          modelVersionId: modelVersion.id,
          videoId: video.id,
          teacherError: wrong,
          discrepancy: wrong,
          classifier: labels['01'].map(() => 0),
          mapsPath: mapsKey,
          engine: 'test',
          framesPerSecond: 50,
        },
      });
      const protocol = { ...protocolPreset('paper'), parameters: { ...protocolPreset('paper').parameters, frameSteps: [] } };
      const execution = await jobExecution(database, storage, { teamId: team.id, kind: 'EVALUATE', parameters: { inferenceJobId: inferJob.id, protocol } });
      await evaluateHandler()(execution);
      await evaluateHandler()(execution); // a re-run job writes the same row again, not a second one
      const evaluations = await prisma.evaluation.findMany({ where: { jobId: execution.jobId } });
      expect(evaluations).toHaveLength(1);
      const [evaluation] = evaluations;
      expect(evaluation).toMatchObject({ microAuc: 1, protocolName: 'paper', datasetVersionId: version.id, modelVersionId: modelVersion.id });
      expect((evaluation.metrics as { stagesNotApplied: string[] }).stagesNotApplied).toEqual([]);
      expect(evaluation.tbdc).toBeGreaterThan(0.99);
      expect(evaluation.rbdc).toBeGreaterThan(0.9);
      expect((evaluation.metrics as { framesPerSecond: number }).framesPerSecond).toBe(50);
    },
    60_000,
  );

  it('records a run without token maps under a name that says which stages of the protocol it skipped', async () => {
    const prisma = database.prisma;
    const team = await prisma.team.create({ data: { slug: 'eval-old', name: 'Old runs' } });
    const dataset = await prisma.dataset.create({ data: { teamId: team.id, name: 'ped2' } });
    const version = await prisma.datasetVersion.create({ data: { datasetId: dataset.id, number: 1, contentHash: 'h', format: 'ucsd', summary: {} } });
    const video = await prisma.video.create({
      data: {
        datasetVersionId: version.id,
        name: '01',
        split: 'TEST',
        path: 'v',
        frameCount: 180,
        width: 360,
        height: 240,
        sizeBytes: BigInt(1),
        checksum: 'c',
        groundTruth: { create: { frameLabels: labels['01'] } },
      },
    });
    const model = await prisma.model.create({ data: { teamId: team.id, name: 'm' } });
    const modelVersion = await prisma.modelVersion.create({
      data: { modelId: model.id, number: 1, config: {}, checkpointPath: 'x', checkpointRule: 'last-epoch' },
    });
    const inferJob = await prisma.job.create({ data: { teamId: team.id, kind: 'INFER', parameters: {}, status: 'SUCCEEDED' } });
    const scores = labels['01'].map((l, t) => l + t * 1e-4);
    await prisma.inferenceRun.create({
      data: {
        jobId: inferJob.id,
        attempt: 1,
        modelVersionId: modelVersion.id,
        videoId: video.id,
        teacherError: scores,
        discrepancy: scores,
        classifier: scores,
        engine: 'test',
      },
    });
    const execution = await jobExecution(database, storage, {
      teamId: team.id,
      kind: 'EVALUATE',
      parameters: { inferenceJobId: inferJob.id, protocol: protocolPreset('paper') },
    });
    await evaluateHandler()(execution);
    const evaluation = await prisma.evaluation.findFirstOrThrow({ where: { jobId: execution.jobId } });
    expect(evaluation.protocolName).toBe('paper (without component-normalisation, spatio-temporal-filter, frame-reduction)');
    expect(evaluation.rbdc).toBeNull();
  }, 60_000);

  it('reports the speed as all frames over all the time, as the inference job does, not a mean of per-video rates', () => {
    // 100 frames at 100/s (1 s) and 300 frames at 30/s (10 s): 400 frames in 11 s, where the mean of rates says 65
    expect(
      overallFramesPerSecond([
        { teacherError: new Array(100).fill(0), framesPerSecond: 100 },
        { teacherError: new Array(300).fill(0), framesPerSecond: 30 },
        { teacherError: [0], framesPerSecond: null },
      ]),
    ).toBeCloseTo(400 / 11, 10);
    expect(overallFramesPerSecond([{ teacherError: [0], framesPerSecond: null }])).toBeNull();
  });
});
