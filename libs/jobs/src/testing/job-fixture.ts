// Test fixtures for the job handlers: small generated videos, a data-set version whose training videos are
// one stored upload (recorded by key) and one file read in place (absolute path), and a job execution that
// keeps what the handler reported. Enough to run a handler against a real store with no platform around it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeVideo } from '@vad/data/testing';
import type { Database } from '@vad/db';
import { createTestDatabase, type TestDatabase } from '@vad/db/testing';
import { selectBackend } from '@vad/model';
import { LocalStorage } from '@vad/storage';
import type { JobKindName } from '@vad/queue';
import type { EpochResultReport, JobExecution, JobProgressReport } from '../job-handler';

export interface TrainingData {
  teamId: string;
  datasetVersionId: string;
  /** The test video's row id. */
  testVideoId: string;
}

/** A team and a data-set version: train `a` uploaded (a storage key), train `b` read in place, test `t` uploaded. */
export async function seedTrainingData(database: Database, storage: LocalStorage, inPlaceFolder: string): Promise<TrainingData> {
  const prisma = database.prisma;
  const team = await prisma.team.create({ data: { slug: `t${Math.random().toString(36).slice(2, 8)}`, name: 'T' } });
  const dataset = await prisma.dataset.create({ data: { teamId: team.id, name: 'pattern' } });
  const version = await prisma.datasetVersion.create({
    data: { datasetId: dataset.id, number: 1, contentHash: `h-${team.id}`, format: 'upload', summary: {} },
  });
  const uploaded = (name: string, frames: number) => {
    const key = `teams/${team.id}/videos/${name}.mp4`;
    makeVideo(path.join(storage.root, key), { frames, width: 48, height: 32 });
    return key;
  };
  const row = (name: string, split: 'TRAIN' | 'TEST', location: string, frames: number) => {
    const file = path.isAbsolute(location) ? location : path.join(storage.root, location);
    const checksum = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    return {
      datasetVersionId: version.id,
      name,
      split,
      path: location,
      frameCount: frames,
      width: 48,
      height: 32,
      sizeBytes: BigInt(fs.statSync(file).size),
      checksum,
    };
  };
  await prisma.video.createMany({
    data: [
      row('a', 'TRAIN', uploaded('a', 24), 24),
      row('b', 'TRAIN', makeVideo(path.join(inPlaceFolder, 'b.mp4'), { frames: 20, width: 48, height: 32 }), 20),
    ],
  });
  const test = await prisma.video.create({ data: row('t', 'TEST', uploaded('t', 16), 16) });
  return { teamId: team.id, datasetVersionId: version.id, testVideoId: test.id };
}

export interface RecordedExecution extends JobExecution {
  logs: string[];
  progress: JobProgressReport[];
  epochs: EpochResultReport[];
}

export async function jobExecution(
  database: Database,
  storage: LocalStorage,
  fields: { teamId: string; kind: JobKindName; parameters: Record<string, unknown> },
): Promise<RecordedExecution> {
  const job = await database.prisma.job.create({ data: { teamId: fields.teamId, kind: fields.kind, parameters: fields.parameters as object } });
  const logs: string[] = [];
  const progress: JobProgressReport[] = [];
  const epochs: EpochResultReport[] = [];
  return {
    jobId: job.id,
    teamId: fields.teamId,
    queuedById: null,
    attempt: 1,
    parameters: fields.parameters,
    database,
    storage,
    signal: new AbortController().signal,
    log: async (line) => void logs.push(line),
    reportProgress: async (report) => void progress.push(report),
    recordLoss: async () => undefined,
    recordEpoch: async (epoch) => void epochs.push(epoch),
    logs,
    progress,
    epochs,
  };
}

export interface HandlerTestbed {
  database: TestDatabase;
  storage: LocalStorage;
  /** A temporary folder for everything else (caches, files read in place), removed after the suite. */
  root: string;
}

/** A test store, local storage and the wasm backend for one suite (set up before it, removed after it). */
export function handlerTestbed(name: string): HandlerTestbed {
  const testbed = {} as HandlerTestbed;
  beforeAll(async () => {
    await selectBackend({ backend: 'wasm', log: () => undefined });
    testbed.database = await createTestDatabase();
    testbed.root = fs.mkdtempSync(path.join(os.tmpdir(), `vad-${name}-`));
    testbed.storage = new LocalStorage(path.join(testbed.root, 'artifacts'));
  }, 60_000);
  afterAll(async () => {
    await testbed.database.close();
    fs.rmSync(testbed.root, { recursive: true, force: true });
  });
  return testbed;
}
