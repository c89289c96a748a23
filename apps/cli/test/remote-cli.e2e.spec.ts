// `vad --api URL --token T`: the CLI's commands against a team-mode server, as a script on another machine
// would use them — upload, train, score, evaluate, leaderboard — authenticated by an API token.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createApiServer, digest, httpRoutes, newSecret, type ApiServer } from '@vad/api';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '@vad/db/testing';
import { InProcessQueueDriver } from '@vad/queue';
import { LocalStorage } from '@vad/storage';
import { createJobHandlers, startJobRunner, type JobRunner } from '@vad/jobs';

const bin = path.resolve(__dirname, '../bin/vad.cjs');
const PED2 = path.resolve(__dirname, '../../../../shared/datasets/ucsd-ped2');

describe(`the vad command against a remote API (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  let api: ApiServer;
  let runner: JobRunner;
  let url: string;
  let token: string;
  let dir: string;

  const vad = async (...args: string[]) => run(['--api', url, '--token', token, ...args]);
  /** The same command on this machine, against nothing but files (no --api). */
  const localVad = async (...args: string[]) => run(args);
  const run = async (args: string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
        cwd: dir,
        env: { ...process.env, DATABASE_URL: '', VAD_DATA_DIR: path.join(dir, 'no-local-store') },
      });
      return { code: 0, json: lastJsonLine(stdout), stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stderr: string };
      return { code: failed.code, json: null, stdout: '', stderr: failed.stderr };
    }
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-remote-'));
    database = await createTestDatabase();
    const prisma = database.prisma;
    const team = await prisma.team.create({ data: { slug: 'remote', name: 'Remote' } });
    const user = await prisma.user.create({ data: { email: 'ci@remote.test', name: 'CI' } });
    await prisma.membership.create({ data: { teamId: team.id, userId: user.id, role: 'MEMBER' } });
    token = newSecret('vadt');
    await prisma.apiToken.create({ data: { name: 'ci', tokenHash: digest(token), teamId: team.id, userId: user.id, role: 'MEMBER' } });
    await prisma.dataset.create({ data: { teamId: team.id, name: 'ped2' } });
    const queue = new InProcessQueueDriver();
    const storage = new LocalStorage(path.join(dir, 'artifacts'));
    const cacheDir = path.join(dir, 'cache');
    runner = await startJobRunner({ database, queue, storage, handlers: createJobHandlers({ cacheDir }), workerId: 'remote' });
    api = await createApiServer({ database, queue, storage, version: 'remote', mode: 'team' }, { routes: httpRoutes({ maxUploadBytes: 50e6 }) });
    url = `http://127.0.0.1:${await api.listen(0, '127.0.0.1')}`;
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await runner?.stop();
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('uploads, trains, scores, evaluates and reads the leaderboard with a token', async () => {
    fs.writeFileSync(
      path.join(dir, 'labels.json'),
      JSON.stringify(JSON.parse(fs.readFileSync(path.join(PED2, 'ground_truth/frame_labels.json'), 'utf8'))['02']),
    );
    expect((await vad('dataset', 'upload', path.join(PED2, 'videos/train/02.mp4'), '--dataset', 'ped2', '--split', 'train')).json).toMatchObject({ number: 1 });
    expect((await vad('dataset', 'upload', path.join(PED2, 'videos/train/03.mp4'), '--dataset', 'ped2', '--split', 'train')).json).toMatchObject({ number: 1 });
    const test = await vad('dataset', 'upload', path.join(PED2, 'videos/test/02.mp4'), '--dataset', 'ped2', '--split', 'test', '--labels', 'labels.json');
    // uploads arriving together make one version
    expect(test.json).toMatchObject({ number: 1, frames: 180 });

    // 03 held out: its scores give the component statistics and, with pseudo-anomalies, the eq. 6 weights
    const trained = await vad(
      'train',
      '--dataset',
      'ped2',
      '--preset',
      'cpu-tiny',
      '--epochs-teacher',
      '1',
      '--epochs-student',
      '1',
      '--batch',
      '8',
      '--validation-videos',
      '1',
    );
    expect(trained.code).toBe(0);
    const modelVersionId = trained.json.modelVersionId as string;

    const scored = await vad('score', 'ped2', '--model', modelVersionId, '--out', 'scores.json');
    expect(scored.json).toMatchObject({ out: 'scores.json', videos: 1 });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'scores.json'), 'utf8'))['02']).toHaveLength(180);

    const evaluated = await vad('jobs', 'evaluate', scored.json.inferenceJobId);
    expect(evaluated.json.microAuc).toBeGreaterThanOrEqual(0);

    // The platform's model, scored on this machine with `vad score` and evaluated with `vad eval frames`,
    // gives the AUC the platform recorded: one scoring path (token maps, component statistics, protocol).
    const version = await database.prisma.modelVersion.findUniqueOrThrow({ where: { id: modelVersionId } });
    const stored = version.componentStatistics as { source: unknown; statistics: { weights?: unknown }; weightChoice?: { sets: { name: string }[] } };
    expect(stored.source).toEqual({ heldOut: true, videos: ['03'], frames: 150, testMasking: { mode: 'off' } });
    expect(stored.statistics.weights).toBeDefined();
    expect(stored.weightChoice?.sets.map((s) => s.name)).toEqual(['pasted-objects', 'faster-motion']);
    const checkpoint = path.join(dir, 'artifacts', version.checkpointPath);
    const local = await localVad('score', path.join(PED2, 'videos/test/02.mp4'), '--model', checkpoint, '--out', 'local.json');
    expect(local.json).toMatchObject({ protocol: 'paper', stagesNotApplied: [] });
    fs.writeFileSync(path.join(dir, 'labels-by-video.json'), JSON.stringify({ '02': JSON.parse(fs.readFileSync(path.join(dir, 'labels.json'), 'utf8')) }));
    const localAuc = await localVad('eval', 'frames', '--scores', 'local.json', '--labels', 'labels-by-video.json', '--json');
    expect(localAuc.json.microAuc).toBeCloseTo(evaluated.json.microAuc, 9);
    // a seeded mask against statistics measured unmasked still scores, and says the scales may differ
    const masked = await localVad(
      'score',
      path.join(PED2, 'videos/test/02.mp4'),
      '--model',
      checkpoint,
      '--test-masking',
      'seeded',
      '--seed',
      '1',
      '--out',
      'masked.json',
    );
    expect(masked.code).toBe(0);
    expect(masked.stderr).toContain('warning: test-time masking seeded with 1 differs from the masking the component statistics were measured with (off)');
    expect(local.stderr).not.toContain('warning: test-time masking');
    const platformScores = await vad('score', 'ped2', '--model', modelVersionId, '--out', 'again.json');
    expect(platformScores.code).toBe(0);
    const [onPlatform, onMachine] = ['again.json', 'local.json'].map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))['02'] as number[]);
    expect(Math.max(...onMachine.map((v, t) => Math.abs(v - onPlatform[t])))).toBeLessThan(1e-6);
    const board = await vad('leaderboard', 'ped2', '--json');
    // people get a table: the same row, AUC as a percentage
    expect((await vad('leaderboard', 'ped2')).stdout).toMatch(new RegExp(`^\\s*1\\s+ped2-cpu-tiny v1\\s+${(evaluated.json.microAuc * 100).toFixed(1)}`, 'm'));
    expect(board.json.rows[0]).toMatchObject({ rank: 1, comparable: true, microAuc: evaluated.json.microAuc });
    expect((await vad('jobs', 'list', '--status', 'SUCCEEDED', '--json')).json.totalCount).toBe(7); // three imports, training, two inferences, evaluation
  }, 300_000);

  it('answers a bad token and an unknown data set with one clear line', async () => {
    const saved = token;
    token = 'vadt_not-a-real-token';
    const refused = await vad('jobs', 'list');
    token = saved;
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('vad: UNAUTHENTICATED: log in or send an API token (Authorization: Bearer …)\n');
    const unknown = await vad('leaderboard', 'nope');
    expect(unknown.stderr).toMatch(/^vad: no data set "nope" on http:\/\/127\.0\.0\.1:\d+\n$/);
  }, 60_000);
});

/** The JSON a command printed last (commands print tables without --json: null then). */
function lastJsonLine(stdout: string): ReturnType<typeof JSON.parse> {
  try {
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? 'null');
  } catch {
    return null;
  }
}
