// Test fixtures for the job handlers: small generated videos, a data-set version whose training videos are
// one stored upload (recorded by key) and one file read in place (absolute path), and a job execution that
// keeps what the handler reported. Enough to run a handler against a real store with no platform around it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '@vad/db';
import type { LocalStorage } from '@vad/storage';
import type { EpochResultReport, JobExecution } from '../job-handler';

/** An mp4 of ffmpeg's test pattern; `frames` differ between videos so that their checksums do. */
export function patternVideo(file: string, frames: number, size = '48x32'): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const source = `testsrc=size=${size}:rate=10`;
  execFileSync('ffmpeg', [
    '-hide_banner',
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    source,
    '-frames:v',
    String(frames),
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    '-preset',
    'ultrafast',
    file,
  ]);
  return file;
}

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
    patternVideo(path.join(storage.root, key), frames);
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
    data: [row('a', 'TRAIN', uploaded('a', 24), 24), row('b', 'TRAIN', patternVideo(path.join(inPlaceFolder, 'b.mp4'), 20), 20)],
  });
  const test = await prisma.video.create({ data: row('t', 'TEST', uploaded('t', 16), 16) });
  return { teamId: team.id, datasetVersionId: version.id, testVideoId: test.id };
}

export interface RecordedExecution extends JobExecution {
  logs: string[];
  epochs: EpochResultReport[];
}

export async function jobExecution(
  database: Database,
  storage: LocalStorage,
  fields: { teamId: string; kind: 'TRAIN' | 'INFER'; parameters: Record<string, unknown> },
): Promise<RecordedExecution> {
  const job = await database.prisma.job.create({ data: { teamId: fields.teamId, kind: fields.kind, parameters: fields.parameters as object } });
  const logs: string[] = [];
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
    reportProgress: async () => undefined,
    recordLoss: async () => undefined,
    recordEpoch: async (epoch) => void epochs.push(epoch),
    logs,
    epochs,
  };
}
