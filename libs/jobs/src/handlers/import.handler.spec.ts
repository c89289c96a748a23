import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '@vad/db/testing';
import { LocalStorage } from '@vad/storage';
import { makeVideo } from '@vad/data/testing';
import type { JobExecution } from '../job-handler';
import { jobExecution } from '../testing/job-fixture';
import { importHandler } from './import.handler';

const VIDEO = path.resolve(__dirname, '../../../../../shared/datasets/ucsd-ped2/videos/test/01.mp4');

describe(`the IMPORT handler on ${testDatabaseKind()}`, () => {
  let database: TestDatabase;
  let storage: LocalStorage;
  beforeAll(async () => {
    database = await createTestDatabase();
    storage = new LocalStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'vad-import-')));
  }, 60_000);
  afterAll(() => database.close());

  async function uploadJob(key: string, content: Buffer, log: JobExecution['log']): Promise<JobExecution> {
    const team = await database.prisma.team.create({ data: { slug: `t${Math.random().toString(36).slice(2, 8)}`, name: 'T' } });
    const dataset = await database.prisma.dataset.create({ data: { teamId: team.id, name: 'uploads' } });
    const job = await database.prisma.job.create({ data: { teamId: team.id, kind: 'IMPORT', parameters: {} } });
    fs.mkdirSync(path.dirname(path.join(storage.root, key)), { recursive: true });
    fs.writeFileSync(path.join(storage.root, key), content);
    return {
      jobId: job.id,
      teamId: team.id,
      queuedById: null,
      attempt: 1,
      database,
      storage,
      log,
      parameters: { source: 'upload', datasetId: dataset.id, split: 'test', name: '01', storageKey: key },
      signal: new AbortController().signal,
      reportProgress: async () => undefined,
      recordLoss: async () => undefined,
      recordEpoch: async () => undefined,
    };
  }

  it('keeps the uploaded file once a version references it, even when the job fails afterwards', async () => {
    const execution = await uploadJob('uploads/a/01.mp4', fs.readFileSync(VIDEO), async () => {
      throw new Error('log store unavailable');
    });
    await expect(importHandler()(execution)).rejects.toThrow('log store unavailable');
    const videos = await database.prisma.video.findMany({ where: { datasetVersion: { dataset: { teamId: execution.teamId } } } });
    expect(videos.map((v) => [v.name, v.frameCount])).toEqual([['01', 180]]);
    // recorded by storage key, never by the server's absolute path
    expect(videos[0].path).toBe('uploads/a/01.mp4');
    expect(fs.existsSync(path.join(storage.root, videos[0].path))).toBe(true);
  });

  it('deletes an upload that fails validation and records nothing', async () => {
    const execution = await uploadJob('uploads/b/01.mp4', Buffer.from('not a video at all'), async () => undefined);
    await expect(importHandler()(execution)).rejects.toThrow();
    expect(fs.existsSync(path.join(storage.root, 'uploads/b/01.mp4'))).toBe(false);
    expect(await database.prisma.datasetVersion.count({ where: { dataset: { teamId: execution.teamId } } })).toBe(0);
  });
  it('reports each checked video of a server-folder import as the job’s progress', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-import-folder-'));
    makeVideo(path.join(folder, 'train', 'a.mp4'), { frames: 6 });
    makeVideo(path.join(folder, 'test', 'b.mp4'), { frames: 4 });
    const team = await database.prisma.team.create({ data: { slug: `f${Math.random().toString(36).slice(2, 8)}`, name: 'F' } });
    const execution = await jobExecution(database, storage, {
      teamId: team.id,
      kind: 'IMPORT',
      parameters: { source: 'folder', path: folder, format: 'folder', datasetName: 'clips' },
    });
    await importHandler({ importRoots: [folder] })(execution);
    expect(execution.progress.map((p) => p.fraction)).toEqual([0.5, 1]);
    expect(execution.progress.at(-1)?.stage).toMatch(/^checked [ab] \(2 of 2 videos\)$/);
    fs.rmSync(folder, { recursive: true, force: true });
  });
});
