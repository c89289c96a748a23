// The INFER handler against a real store and local storage, with no platform around it: it scores a stored
// video with a trained model version, keeps its token maps by storage key with every preset's pixel stages,
// and a re-run of the same job scores nothing twice.
import path from 'node:path';
import { readMapComponents } from '@vad/data';
import { testDatabaseKind } from '@vad/db/testing';
import { PROTOCOL_PRESET_NAMES } from '@vad/metrics';
import { handlerTestbed, jobExecution, seedTrainingData } from '../testing/job-fixture';
import { inferHandler } from './infer.handler';
import { trainHandler } from './train.handler';

describe(`the INFER handler on ${testDatabaseKind()}`, () => {
  const testbed = handlerTestbed('infer-handler');

  it('scores every frame of the videos, stores their maps by key, and skips what an earlier attempt recorded', async () => {
    const data = await seedTrainingData(testbed.database, testbed.storage, path.join(testbed.root, 'in-place'));
    const cacheDir = path.join(testbed.root, 'cache');
    const training = await jobExecution(testbed.database, testbed.storage, {
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

    const execution = await jobExecution(testbed.database, testbed.storage, {
      teamId: data.teamId,
      kind: 'INFER',
      parameters: { modelVersionId, videoIds: [data.testVideoId] },
    });
    const handler = inferHandler({ cacheDir, engine: 'tfjs-wasm', inferenceEngine: 'tfjs' });
    expect(await handler(execution)).toMatchObject({ videos: 1, frames: 16 });
    const run = await testbed.database.prisma.inferenceRun.findFirstOrThrow({ where: { jobId: execution.jobId } });
    expect(run.teacherError).toHaveLength(16);
    expect(run.teacherError.every(Number.isFinite)).toBe(true);
    expect(run.mapsPath).toBe(`teams/${data.teamId}/runs/${execution.jobId}/maps/${data.testVideoId}.bin`);
    const maps = await testbed.storage.withLocalFile(run.mapsPath as string, (file) => readMapComponents(file, run.classifier));
    expect(maps.teacherError.frame.maps).toHaveLength(16);
    expect(Object.keys(run.protocolReductions as object).sort()).toEqual([...PROTOCOL_PRESET_NAMES].sort());
    expect(run.engine).toBe('tfjs-wasm');
    expect(execution.logs.some((line) => line.startsWith('scored t: 16 frames'))).toBe(true);

    const again = { ...execution, logs: [] as string[] };
    again.log = async (line) => void again.logs.push(line);
    expect(await handler(again)).toMatchObject({ videos: 1, frames: 0 });
    expect(again.logs.some((line) => line.startsWith('scored'))).toBe(false);
    expect(await testbed.database.prisma.inferenceRun.count({ where: { jobId: execution.jobId } })).toBe(1);

    // a seeded mask against the model's unmasked statistics scores, and its log says the scales may differ
    expect(execution.logs.some((line) => line.startsWith('warning: test-time masking'))).toBe(false);
    const masked = await jobExecution(testbed.database, testbed.storage, {
      teamId: data.teamId,
      kind: 'INFER',
      parameters: { modelVersionId, videoIds: [data.testVideoId], maskSeed: 1 },
    });
    expect(await handler(masked)).toMatchObject({ videos: 1, frames: 16 });
    expect(masked.logs).toContain(
      'warning: test-time masking seeded with 1 differs from the masking the component statistics were measured with (off): normalised components may be off scale',
    );
  }, 180_000);
});
