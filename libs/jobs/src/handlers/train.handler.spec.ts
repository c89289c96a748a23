// The TRAIN handler against a real store and local storage, with no platform around it: it trains on a
// stored upload and a file read in place, records the model version by storage key, and records it once.
import path from 'node:path';
import { testDatabaseKind } from '@vad/db/testing';
import { handlerTestbed, jobExecution, seedTrainingData } from '../testing/job-fixture';
import { trainHandler } from './train.handler';

describe(`the TRAIN handler on ${testDatabaseKind()}`, () => {
  const testbed = handlerTestbed('train-handler');

  it('trains the preset with the request’s overrides and records one model version by storage key', async () => {
    const data = await seedTrainingData(testbed.database, testbed.storage, path.join(testbed.root, 'in-place'));
    const parameters = {
      datasetVersionId: data.datasetVersionId,
      modelName: 'tiny',
      preset: 'cpu-tiny',
      epochsTeacher: 1,
      epochsStudent: 1,
      batchSize: 8,
      seed: 3,
      validationVideos: 0,
      overrides: { model: { maskRatio: 0.25 } },
    };
    const execution = await jobExecution(testbed.database, testbed.storage, { teamId: data.teamId, kind: 'TRAIN', parameters });
    const handler = trainHandler({ cacheDir: path.join(testbed.root, 'cache'), trainThreads: 1 });
    const result = (await handler(execution)) as { modelVersionId: string; checkpoint: string; epochs: number };

    expect(result.epochs).toBe(2);
    expect(execution.epochs.map((e) => [e.stage, e.epoch])).toEqual([
      ['teacher', 1],
      ['student', 2],
    ]);
    const version = await testbed.database.prisma.modelVersion.findUniqueOrThrow({ where: { id: result.modelVersionId } });
    expect(version.checkpointPath).toBe(`teams/${data.teamId}/runs/${execution.jobId}/epoch-0002`);
    expect(path.isAbsolute(version.checkpointPath)).toBe(false);
    expect(await testbed.storage.exists(`${version.checkpointPath}/weights.bin`)).toBe(true);
    expect(version.config).toMatchObject({
      preset: 'cpu-tiny',
      seed: 3,
      model: { maskRatio: 0.25 },
      training: { teacherEpochs: 1, studentEpochs: 1, batchSize: 8 },
    });
    expect(execution.logs[0]).toBe('training cpu-tiny on 2 training videos (data-set version 1)');

    // a re-delivered job finds its version and trains nothing again
    expect(await handler(execution)).toEqual({ modelVersionId: version.id, alreadyRecorded: true });
    expect(await testbed.database.prisma.modelVersion.count({ where: { trainingJobId: execution.jobId } })).toBe(1);
  }, 180_000);

  it('refuses overrides that make no valid model before touching any video', async () => {
    const data = await seedTrainingData(testbed.database, testbed.storage, path.join(testbed.root, 'in-place-2'));
    const parameters = { datasetVersionId: data.datasetVersionId, modelName: 'bad', preset: 'cpu-tiny', overrides: { model: { patchSize: 7 } } };
    const execution = await jobExecution(testbed.database, testbed.storage, { teamId: data.teamId, kind: 'TRAIN', parameters });
    await expect(trainHandler({ cacheDir: path.join(testbed.root, 'cache') })(execution)).rejects.toThrow(/patch/i);
    expect(execution.logs).toEqual([]);
  }, 60_000);
});
