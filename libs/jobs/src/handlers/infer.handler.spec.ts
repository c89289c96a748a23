// The INFER handler against a real store and local storage, with no platform around it: it scores a stored
// video with a trained model version, keeps its token maps by storage key with every preset's pixel stages,
// and a re-run of the same job scores nothing twice.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readMapComponents } from '@vad/data';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '@vad/db/testing';
import { PROTOCOL_PRESET_NAMES } from '@vad/metrics';
import { selectBackend } from '@vad/model';
import { LocalStorage } from '@vad/storage';
import { jobExecution, seedTrainingData } from '../testing/job-fixture';
import { inferHandler } from './infer.handler';
import { trainHandler } from './train.handler';

describe(`the INFER handler on ${testDatabaseKind()}`, () => {
  let database: TestDatabase;
  let root: string;
  let storage: LocalStorage;
  beforeAll(async () => {
    await selectBackend({ backend: 'wasm', log: () => undefined });
    database = await createTestDatabase();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-infer-handler-'));
    storage = new LocalStorage(path.join(root, 'artifacts'));
  }, 60_000);
  afterAll(async () => {
    await database.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('scores every frame of the videos, stores their maps by key, and skips what an earlier attempt recorded', async () => {
    const data = await seedTrainingData(database, storage, path.join(root, 'in-place'));
    const cacheDir = path.join(root, 'cache');
    const training = await jobExecution(database, storage, {
      teamId: data.teamId,
      kind: 'TRAIN',
      parameters: {
        datasetVersionId: data.datasetVersionId,
        modelName: 'tiny',
        preset: 'cpu-tiny',
        epochsTeacher: 1,
        epochsStudent: 1,
        batchSize: 8,
        validationVideos: 0,
      },
    });
    const { modelVersionId } = (await trainHandler({ cacheDir, trainThreads: 1 })(training)) as { modelVersionId: string };

    const execution = await jobExecution(database, storage, {
      teamId: data.teamId,
      kind: 'INFER',
      parameters: { modelVersionId, videoIds: [data.testVideoId] },
    });
    const handler = inferHandler({ cacheDir, engine: 'tfjs-wasm', inferenceEngine: 'tfjs' });
    expect(await handler(execution)).toMatchObject({ videos: 1, frames: 16 });
    const run = await database.prisma.inferenceRun.findFirstOrThrow({ where: { jobId: execution.jobId } });
    expect(run.teacherError).toHaveLength(16);
    expect(run.teacherError.every(Number.isFinite)).toBe(true);
    expect(run.mapsPath).toBe(`teams/${data.teamId}/runs/${execution.jobId}/maps/${data.testVideoId}.bin`);
    const maps = await storage.withLocalFile(run.mapsPath as string, (file) => readMapComponents(file, run.classifier));
    expect(maps.teacherError.frame.maps).toHaveLength(16);
    expect(Object.keys(run.protocolReductions as object).sort()).toEqual([...PROTOCOL_PRESET_NAMES].sort());
    expect(run.engine).toBe('tfjs-wasm');
    expect(execution.logs.some((line) => line.startsWith('scored t: 16 frames'))).toBe(true);

    const again = { ...execution, logs: [] as string[] };
    again.log = async (line) => void again.logs.push(line);
    expect(await handler(again)).toMatchObject({ videos: 1, frames: 0 });
    expect(again.logs.some((line) => line.startsWith('scored'))).toBe(false);
    expect(await database.prisma.inferenceRun.count({ where: { jobId: execution.jobId } })).toBe(1);
  }, 180_000);
});
