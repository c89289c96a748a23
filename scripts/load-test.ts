// Load test of the API's two heaviest reads (issue 9): the leaderboard at a fixed 200 requests/s, and the
// frame scores of a 10,000-frame video. It starts the API in-process on an in-memory PGlite, or on a
// throw-away database that it creates (and drops) on a PostgreSQL server on this machine, seeds a
// realistic team directly through Prisma, and drives it over loopback with autocannon from a worker
// thread, so that the load generator does not share the server's event loop. A benchmark, not a test:
// it prints figures and whether the targets hold, and gives up after a fixed time. While the leaderboard
// is read, a running job's progress is written --writes times a second, as live jobs do, so that the
// embedded database's leaderboard cache is measured with the misses a busy installation causes.
//   npm run load-test [-- --seconds 10] [--writes 10] [--database postgresql://postgres@127.0.0.1:5432/postgres]
// (--database defaults to TEST_DATABASE_URL; without either, PGlite.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { ensureLocalOwner, type Database } from '@vad/db';
import { performance } from 'node:perf_hooks';
import { createTestDatabase } from '@vad/db/testing';
import { protocolPreset } from '@vad/metrics';
import { InProcessQueueDriver } from '@vad/queue';
import { LocalStorage } from '@vad/storage';
import { createApiServer } from '../libs/api/src/server/create-api-server';

const VIDEOS = 100;
const TOTAL_FRAMES = 100_000;
const LONG_VIDEO_FRAMES = 10_000;
/** The other 99 videos share the remaining 90,000 frames (909 each, the first ones one more). */
const shortVideoFrames = (v: number) =>
  Math.floor((TOTAL_FRAMES - LONG_VIDEO_FRAMES) / (VIDEOS - 1)) + (v < (TOTAL_FRAMES - LONG_VIDEO_FRAMES) % (VIDEOS - 1) ? 1 : 0);

interface Seeded {
  datasetId: string;
  longRunId: string;
  /** A training job left running, whose progress the leaderboard scenario keeps writing. */
  runningJobId: string;
  totalFrames: number;
}

interface Scenario {
  name: string;
  query: string;
  variables: object;
  /** Fixed request rate across all connections; unset means as fast as one connection goes. */
  overallRate?: number;
  connections: number;
  target: { p99Ms: number; note: string };
  /** Database writes per second while the scenario runs, as running jobs' progress reports make them. */
  writesPerSecond?: number;
}

/** A frame signal that looks like a detector's: a slow wave with noise, and a bump over the abnormal frames. */
function signal(frames: number, seed: number, abnormal: (i: number) => boolean): number[] {
  let state = seed;
  const noise = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  return Array.from({ length: frames }, (_, i) => 0.2 + 0.1 * Math.sin(i / 40) + 0.05 * noise() + (abnormal(i) ? 0.3 : 0));
}

async function seed(database: Database): Promise<Seeded> {
  const prisma = database.prisma;
  const { teamId, userId } = await ensureLocalOwner(prisma);
  const dataset = await prisma.dataset.create({ data: { teamId, name: 'load-ped2' } });
  const version = await prisma.datasetVersion.create({
    data: { datasetId: dataset.id, number: 1, contentHash: 'load', format: 'ucsd', summary: { testVideos: VIDEOS } },
  });
  const model = await prisma.model.create({ data: { teamId, name: 'load-model' } });
  const modelVersion = await prisma.modelVersion.create({
    data: {
      modelId: model.id,
      number: 1,
      config: { preset: 'cpu-ped2' },
      checkpointPath: 'checkpoints/load',
      checkpointRule: 'last',
      datasetVersionId: version.id,
      createdById: userId,
    },
  });
  const infer = await prisma.job.create({
    data: {
      teamId,
      kind: 'INFER',
      status: 'SUCCEEDED',
      parameters: { modelVersionId: modelVersion.id, videoIds: [] },
      queuedById: userId,
      finishedAt: new Date(),
    },
  });
  let totalFrames = 0;
  let longRunId = '';
  for (let v = 0; v < VIDEOS; v++) {
    const frames = v === VIDEOS - 1 ? LONG_VIDEO_FRAMES : shortVideoFrames(v);
    const abnormal = (i: number) => i % 500 >= 300 && i % 500 < 420;
    const video = await prisma.video.create({
      data: {
        datasetVersionId: version.id,
        name: `test${String(v + 1).padStart(3, '0')}`,
        split: 'TEST',
        path: `/load/${v}.mp4`,
        codec: 'h264',
        fps: 10,
        frameCount: frames,
        width: 360,
        height: 240,
        sizeBytes: BigInt(1_000_000),
        checksum: String(v).padStart(64, '0'),
        status: 'READY',
        groundTruth: { create: { frameLabels: Array.from({ length: frames }, (_, i) => (abnormal(i) ? 1 : 0)) } },
      },
    });
    const run = await prisma.inferenceRun.create({
      data: {
        jobId: infer.id,
        attempt: 1,
        modelVersionId: modelVersion.id,
        videoId: video.id,
        engine: 'tfjs-wasm',
        framesPerSecond: 12.9,
        teacherError: signal(frames, v * 3 + 1, abnormal),
        discrepancy: signal(frames, v * 3 + 2, abnormal),
        classifier: signal(frames, v * 3 + 3, abnormal),
      },
    });
    totalFrames += frames;
    if (frames === LONG_VIDEO_FRAMES) longRunId = run.id;
  }
  const protocol = protocolPreset('paper');
  const evaluate = await prisma.job.create({
    data: {
      teamId,
      kind: 'EVALUATE',
      status: 'SUCCEEDED',
      parameters: { inferenceJobId: infer.id, protocol: JSON.parse(JSON.stringify(protocol)) },
      queuedById: userId,
      finishedAt: new Date(),
    },
  });
  await prisma.evaluation.create({
    data: {
      jobId: evaluate.id,
      modelVersionId: modelVersion.id,
      datasetVersionId: version.id,
      protocol: JSON.parse(JSON.stringify(protocol)),
      protocolName: 'paper',
      microAuc: 0.821,
      macroAuc: 0.855,
      metrics: { eer: 0.24, videosSkipped: 0, framesPerSecond: 12.9 },
    },
  });
  const running = await prisma.job.create({
    data: { teamId, kind: 'TRAIN', status: 'RUNNING', parameters: { datasetId: dataset.id }, queuedById: userId, startedAt: new Date() },
  });
  return { datasetId: dataset.id, longRunId, runningJobId: running.id, totalFrames };
}

/** Writes a running job's progress `perSecond` times a second until stopped; resolves to how many writes landed. */
function keepWriting(database: Database, jobId: string, perSecond: number): () => Promise<number> {
  let written = 0;
  let pending = Promise.resolve();
  const timer = setInterval(() => {
    pending = pending.then(async () => {
      await database.prisma.job.update({ where: { id: jobId }, data: { progress: { step: written }, heartbeatAt: new Date() } });
      written++;
    });
  }, 1000 / perSecond);
  return async () => {
    clearInterval(timer);
    await pending;
    return written;
  };
}

function run(url: string, scenario: Scenario, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    workers: 1,
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
    connections: scenario.connections,
    overallRate: scenario.overallRate,
    duration: seconds,
  });
}

/** One request outside the measurement: checks the answer is data, not errors, before timing it. */
async function checkAnswer(url: string, scenario: Scenario): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (response.status !== 200 || body.errors) throw new Error(`${scenario.name}: ${response.status} ${JSON.stringify(body.errors)}`);
  return `${(JSON.stringify(body).length / 1024).toFixed(0)} KiB`;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '']);

function options(argv: string[]): { seconds: number; writesPerSecond: number; serverUrl?: string } {
  const value = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const seconds = Number(value('--seconds') ?? 10);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 120) throw new Error(`--seconds must be a whole number from 1 to 120, not ${value('--seconds')}`);
  const writesPerSecond = Number(value('--writes') ?? 10);
  if (!Number.isInteger(writesPerSecond) || writesPerSecond < 0 || writesPerSecond > 100)
    throw new Error(`--writes must be a whole number from 0 to 100, not ${value('--writes')}`);
  const serverUrl = value('--database') ?? process.env.TEST_DATABASE_URL;
  // the load test's traffic stays on this machine, the database's included
  if (serverUrl && !LOOPBACK_HOSTS.has(new URL(serverUrl).hostname)) {
    throw new Error(`--database must name a PostgreSQL server on this machine (127.0.0.1, localhost or [::1]), not ${new URL(serverUrl).hostname}`);
  }
  return { seconds, writesPerSecond, serverUrl };
}

async function main(): Promise<void> {
  const { seconds, writesPerSecond, serverUrl } = options(process.argv);
  // seeding takes well under a minute on either store; past this the run has hung, and is stopped (a
  // throw-away PostgreSQL database, vad_test_*, is then left behind)
  const deadline = setTimeout(
    () => {
      console.error(`load test still running after ${180 + 4 * seconds} s: stopped`);
      process.exit(3);
    },
    (180 + 4 * seconds) * 1000,
  );
  deadline.unref();
  const started = Date.now();
  const database = await createTestDatabase(serverUrl);
  const seeded = await seed(database);
  console.log(
    `seeded ${database.kind}: ${VIDEOS} test videos, ${seeded.totalFrames.toLocaleString('en')} frames of scores, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-load-'));
  const storage = new LocalStorage(root);
  const server = await createApiServer({ database, queue: new InProcessQueueDriver(), storage, version: 'load-test', mode: 'embedded' }, { production: true });
  const url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}/graphql`;
  const scenarios: Scenario[] = [
    {
      name: 'leaderboard at 200 req/s',
      query:
        'query($d: ID!) { leaderboard(datasetId: $d) { rows { rank microAuc macroAuc framesPerSecond modelVersion { id number } } references { source microAuc } } }',
      variables: { d: seeded.datasetId },
      overallRate: 200,
      connections: 10,
      target: { p99Ms: 100, note: 'p99 < 100 ms, 200 req/s served' },
      writesPerSecond,
    },
    {
      name: `frame scores of the ${LONG_VIDEO_FRAMES.toLocaleString('en')}-frame video`,
      query: 'query($r: ID!) { inferenceRun(id: $r) { frameScores { scores labels auc } } }',
      variables: { r: seeded.longRunId },
      connections: 1,
      target: { p99Ms: 200, note: 'each answer < 200 ms (p99, one client)' },
    },
  ];
  const verdicts: boolean[] = [];
  try {
    for (const scenario of scenarios) {
      const size = await checkAnswer(url, scenario);
      const before = performance.eventLoopUtilization();
      const stopWriting = scenario.writesPerSecond ? keepWriting(database, seeded.runningJobId, scenario.writesPerSecond) : undefined;
      const result = await run(url, scenario, seconds);
      const writes = await stopWriting?.();
      const busy = performance.eventLoopUtilization(before).utilization;
      const failed = result.errors + result.timeouts + result.non2xx;
      // at a fixed rate, a server that falls behind answers fewer requests rather than slower ones
      const served = !scenario.overallRate || result.requests.total >= 0.95 * scenario.overallRate * seconds;
      const holds = failed === 0 && served && result.latency.p99 < scenario.target.p99Ms;
      verdicts.push(holds);
      console.log(
        [
          `\n${scenario.name} (${seconds} s, ${scenario.connections} connection${scenario.connections > 1 ? 's' : ''}, answer ${size}${writes === undefined ? '' : `, ${writes} job-progress writes meanwhile`})`,
          `  latency  p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   max ${result.latency.max} ms`,
          `  throughput ${result.requests.average.toFixed(1)} req/s   (${result.requests.total} requests, ${failed} failed)`,
          `  server event loop busy ${(busy * 100).toFixed(0)}% of the time`,
          `  target ${scenario.target.note}: ${holds ? 'holds' : 'MISSED'}`,
        ].join('\n'),
      );
    }
  } finally {
    await server.close();
    await database.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
  process.exitCode = verdicts.every(Boolean) ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
