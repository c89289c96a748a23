// Presets as the training form shows them: their schedule, what hardware it is sized for, and the training
// speed measured on the team's own earlier trainings; the running workers, grouped without their host names.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '@vad/db/testing';
import { getPreset } from '@vad/model/config';
import { InProcessQueueDriver } from '@vad/queue';
import { LocalStorage } from '@vad/storage';
import { createApiServer, type ApiServer } from '../server/create-api-server';

describe(`presets and workers on ${testDatabaseKind()}`, () => {
  let database: TestDatabase;
  let server: ApiServer;
  let url: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    const storage = new LocalStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'vad-presets-')));
    server = await createApiServer({ database, queue: new InProcessQueueDriver(), storage, version: 't', mode: 'embedded' });
    url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}/graphql`;
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const post = async (query: string) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data as Record<string, never>;
  };

  it("gives each preset's schedule and hardware, and the speed of the team's trainings with it", async () => {
    const { viewer } = await post('{ viewer { team { id } } }');
    const teamId = (viewer as { team: { id: string } }).team.id;
    const model = await database.prisma.model.create({ data: { teamId, name: 'm' } });
    // two cpu-ped2 trainings: teacher 1000 frames in 100 s + 1000 in 150 s, student 500 in 25 s
    const history = (teacherSeconds: number) => [
      { epoch: 1, stage: 1, frames: 1000, seconds: teacherSeconds },
      { epoch: 2, stage: 2, frames: 250, seconds: 12.5 },
    ];
    for (const [number, seconds] of [
      [1, 100],
      [2, 150],
    ]) {
      await database.prisma.modelVersion.create({
        data: {
          modelId: model.id,
          number,
          config: { preset: 'cpu-ped2' },
          checkpointPath: 'c',
          checkpointRule: 'last',
          trainingMetrics: { history: history(seconds) },
        },
      });
    }
    const { modelPresets } = await post(
      '{ modelPresets { name intendedFor teacherEpochs studentEpochs batchSize measuredSpeed { teacherFramesPerSecond studentFramesPerSecond trainings } } }',
    );
    const byName = new Map((modelPresets as Array<{ name: string }>).map((p) => [p.name, p]));
    const cpu = getPreset('cpu-ped2').training;
    expect(byName.get('cpu-ped2')).toEqual({
      name: 'cpu-ped2',
      intendedFor: 'cpu',
      teacherEpochs: cpu.teacherEpochs,
      studentEpochs: cpu.studentEpochs,
      batchSize: cpu.batchSize,
      measuredSpeed: { teacherFramesPerSecond: 8, studentFramesPerSecond: 20, trainings: 2 },
    });
    expect(byName.get('paper-avenue')).toMatchObject({ intendedFor: 'gpu', teacherEpochs: 100, studentEpochs: 40, batchSize: 100, measuredSpeed: null });
    expect(byName.get('cpu-tiny')).toMatchObject({ intendedFor: 'smoke-test' });
  });

  it('lists the running workers by what they compute on, without host names, and leaves out those that stopped refreshing', async () => {
    const soon = new Date(Date.now() + 60_000);
    await database.prisma.worker.createMany({
      data: [
        { id: 'a:1', backend: 'tfjs-wasm', device: 'cpu', kinds: ['IMPORT', 'TRAIN'], aliveUntil: soon },
        { id: 'b:2', backend: 'tfjs-wasm', device: 'cpu', kinds: ['TRAIN', 'IMPORT'], aliveUntil: soon },
        { id: 'c:3', backend: 'tfjs-tensorflow-gpu', device: 'gpu', kinds: ['TRAIN'], aliveUntil: soon },
        { id: 'd:4', backend: 'tfjs-tensorflow-gpu', device: 'gpu', kinds: ['INFER'], aliveUntil: new Date(Date.now() - 1000) },
      ],
    });
    const { workers } = await post('{ workers { backend device kinds count } }');
    expect(workers).toEqual([
      { backend: 'tfjs-wasm', device: 'cpu', kinds: ['IMPORT', 'TRAIN'], count: 2 },
      { backend: 'tfjs-tensorflow-gpu', device: 'gpu', kinds: ['TRAIN'], count: 1 },
    ]);
    expect(JSON.stringify(workers)).not.toMatch(/a:1|b:2|c:3/);
  });
});
