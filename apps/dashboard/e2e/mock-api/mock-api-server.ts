// A stand-in for the platform's API with seeded data, for looking at the dashboard's screens while the
// real resolvers are not there: GraphQL over HTTP and WebSocket at /graphql, /uploads and /files/….
// Run: `npx tsx apps/dashboard/e2e/mock-api/mock-api-server.ts PORT`.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { buildSchema, graphql } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { PNG } from 'pngjs';
import { WebSocketServer } from 'ws';
import { ABNORMAL, buildData } from './mock-data';

const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../../../libs/api/src/graphql/schema/schema.graphql'), 'utf8'));
const data = buildData();

const byId = <T extends { id: string }>(list: readonly T[], id: string) => list.find((x) => x.id === id) ?? null;

let frameCacheBytes = 1.3 * 1024 ** 3;
const FRAME_CACHE_BUDGET = 32 * 1024 ** 3;

const root = {
  frameCache: () => ({ bytes: frameCacheBytes, budgetBytes: FRAME_CACHE_BUDGET }),
  clearFrameCache: () => {
    frameCacheBytes = 0;
    return { bytes: frameCacheBytes, budgetBytes: FRAME_CACHE_BUDGET };
  },
  health: { version: '0.1.0-mock', database: 'pglite', queue: 'in-process' },
  viewer: { user: data.user, team: data.team, role: 'OWNER', mode: 'embedded' },
  datasets: [data.dataset],
  dataset: ({ id }: { id: string }) => (id === data.dataset.id ? data.dataset : null),
  video: ({ id }: { id: string }) => byId(data.videos, id),
  models: [data.model],
  model: ({ id }: { id: string }) => (id === 'm1' ? data.model : null),
  modelVersion: ({ id }: { id: string }) => byId(data.versions, id),
  modelPresets: [
    {
      name: 'paper-avenue',
      intendedFor: 'gpu',
      teacherEpochs: 100,
      studentEpochs: 40,
      batchSize: 100,
      description: 'Avenue as in the paper',
      parameterCount: 3_100_000,
      gflopsPerFrame: 3.1,
      config: {},
      measuredSpeed: null,
    },
    {
      name: 'paper-ped2',
      intendedFor: 'gpu',
      teacherEpochs: 100,
      studentEpochs: 40,
      batchSize: 100,
      description: 'UCSD Ped2 as in the paper',
      parameterCount: 3_100_000,
      gflopsPerFrame: 1.2,
      config: {},
      measuredSpeed: null,
    },
    {
      name: 'cpu-ped2',
      intendedFor: 'cpu',
      teacherEpochs: 6,
      studentEpochs: 3,
      batchSize: 16,
      description: 'UCSD Ped2 for CPU/wasm',
      parameterCount: 3_000_000,
      gflopsPerFrame: 0.42,
      config: {},
      measuredSpeed: { teacherFramesPerSecond: 7.5, studentFramesPerSecond: 20, trainings: 2 },
    },
    {
      name: 'cpu-tiny',
      intendedFor: 'smoke-test',
      teacherEpochs: 2,
      studentEpochs: 1,
      batchSize: 4,
      description: 'Smoke tests',
      parameterCount: 20_000,
      gflopsPerFrame: 0.01,
      config: {},
      measuredSpeed: null,
    },
  ],
  workers: [{ backend: 'tfjs-wasm', device: 'cpu', kinds: ['IMPORT', 'TRAIN', 'INFER', 'EVALUATE'], count: 1 }],
  jobs: () => ({ nodes: data.jobs, pageInfo: { endCursor: null, hasNextPage: false }, totalCount: data.jobs.length }),
  job: ({ id }: { id: string }) => byId(data.jobs, id),
  inferenceRun: ({ id }: { id: string }) => byId(data.runs, id),
  inferenceRuns: () => data.runs,
  evaluations: () => [data.evaluation],
  evaluation: () => data.evaluation,
  leaderboard: () => data.leaderboard,
  protocols: ['paper', 'no-smoothing'],
  login: () => ({ user: data.user, team: data.team, role: 'OWNER', mode: 'team' }),
  logout: () => true,
  createDataset: ({ name }: { name: string }) => ({ ...data.dataset, name }),
  cancelJob: ({ id }: { id: string }) => ({ ...byId(data.jobs, id), cancelRequested: true }),
  retryJob: ({ id }: { id: string }) => ({ ...byId(data.jobs, id), status: 'QUEUED' }),
  promoteModelVersion: ({ id }: { id: string }) => byId(data.versions, id),
  startTraining: () => data.trainJob,
  setFrameLabels: ({ videoId }: { videoId: string }) => byId(data.videos, videoId),
  startInference: () => data.jobs[1],
  startEvaluation: () => data.jobs[2],
};

function png(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b, a] = pixel(x, y);
      const i = (y * width + x) * 4;
      image.data[i] = r;
      image.data[i + 1] = g;
      image.data[i + 2] = b;
      image.data[i + 3] = a;
    }
  }
  return PNG.sync.write(image);
}

/** A frame: a gray street with a walker moving right; during abnormal frames a bright "cyclist" too. */
function framePng(frame: number): Buffer {
  const abnormal = ABNORMAL.some(([s, e]) => frame >= s && frame <= e);
  const wx = 20 + ((frame * 2) % 200);
  const cx = 10 + ((frame * 5) % 220);
  return png(240, 160, (x, y) => {
    const base = 90 + Math.round(40 * (y / 160)) + (y > 100 ? 30 : 0);
    if (x >= wx && x < wx + 8 && y >= 70 && y < 100) return [40, 40, 50, 255];
    if (abnormal && x >= cx && x < cx + 16 && y >= 110 && y < 124) return [230, 230, 240, 255];
    return [base, base, base + 5, 255];
  });
}

function mapPng(frame: number, component: string): Buffer {
  const abnormal = ABNORMAL.some(([s, e]) => frame >= s && frame <= e);
  const cx = 18 + ((frame * 5) % 220);
  const strength = component === 'teacher' ? 0.8 : component === 'discrepancy' ? 0.6 : 1;
  return png(240, 160, (x, y) => {
    const d = Math.hypot(x - cx, y - 117) / 18;
    const v = abnormal ? Math.max(0, 1 - d) * strength : 0.08 * Math.max(0, 1 - Math.hypot(x - 120, y - 80) / 90);
    return [255, Math.round(200 * (1 - v)), 0, Math.round(230 * v)];
  });
}

/** A contact sheet like the API's: per row a frame with a pasted square, its map, the clean frame, token weights. */
function previewPng(seed: number, count: number): Buffer {
  const [tile, gap] = [48, 2];
  return png(4 * (tile + gap), count * (tile + gap), (x, y) => {
    const [column, row] = [Math.floor(x / (tile + gap)), Math.floor(y / (tile + gap))];
    const [u, v] = [x % (tile + gap), y % (tile + gap)];
    if (u >= tile || v >= tile) return [255, 255, 255, 255];
    const sx = 8 + ((row * 7 + seed * 11) % 24);
    const inSquare = u >= sx && u < sx + 12 && v >= 16 && v < 28;
    const base = 90 + Math.round(40 * (v / tile));
    if (column === 1) return inSquare ? [255, 255, 255, 255] : [0, 0, 0, 255];
    if (column === 3) return inSquare ? [255, 200, 0, 255] : [40, 40, 60, 255];
    if (column === 0 && inSquare) return [230, 120, 60, 255];
    return [base, base, base + 5, 255];
  });
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'POST' && url.pathname === '/graphql') {
    let body = '';
    for await (const chunk of req) body += chunk;
    const { query, variables } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
    const result = await graphql({ schema, source: query, rootValue: root, variableValues: variables });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    return;
  }
  if (req.method === 'POST' && url.pathname === '/uploads') {
    for await (const _chunk of req) void _chunk;
    const name = url.searchParams.get('name') ?? 'video';
    if (name.includes('broken')) {
      res
        .writeHead(400, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { code: 'UNSUPPORTED_VIDEO', message: `${name}: not a video ffmpeg can decode` } }));
      return;
    }
    res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ jobId: 'job-infer-1', videoName: name }));
    return;
  }
  const masksMatch = /^\/uploads\/videos\/([^/]+)\/masks$/.exec(url.pathname);
  if (req.method === 'POST' && masksMatch) {
    // the real API decodes and checks every mask; this one counts the files and takes one per frame
    let body = '';
    for await (const chunk of req) body += chunk;
    const video = byId(data.videos, masksMatch[1]);
    const masks = (body.match(/filename="/g) ?? []).length;
    if (!video || masks !== video.frameCount) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          error: { code: 'BAD_USER_INPUT', message: `the uploaded masks holds ${masks} masks but video "${video?.name}" has ${video?.frameCount} frames` },
        }),
      );
      return;
    }
    video.hasPixelMasks = true;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ videoId: video.id, masks, abnormalFrames: 22, labelsFromMasks: false }));
    return;
  }
  const frameMatch = /^\/files\/videos\/[^/]+\/frames\/(\d+)\.png$/.exec(url.pathname);
  if (frameMatch) {
    res.writeHead(200, { 'content-type': 'image/png' }).end(framePng(Number(frameMatch[1])));
    return;
  }
  const mapMatch = /^\/files\/runs\/[^/]+\/maps\/(\d+)\.png$/.exec(url.pathname);
  if (mapMatch) {
    res.writeHead(200, { 'content-type': 'image/png' }).end(mapPng(Number(mapMatch[1]), url.searchParams.get('component') ?? 'combined'));
    return;
  }
  if (/^\/files\/(leaderboards\/[^/]+\.csv|runs\/[^/]+\/scores\.csv)$/.test(url.pathname)) {
    res
      .writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="mock.csv"' })
      .end('rank,model\r\n1,sdmae\r\n');
    return;
  }
  const previewMatch = /^\/files\/dataset-versions\/[^/]+\/synthetic-preview\.png$/.exec(url.pathname);
  if (previewMatch) {
    res.writeHead(200, { 'content-type': 'image/png' }).end(previewPng(Number(url.searchParams.get('seed') ?? 0), Number(url.searchParams.get('count') ?? 8)));
    return;
  }
  res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'no such route' } }));
});

const wss = new WebSocketServer({ server, path: '/graphql' });
useServer(
  {
    schema,
    roots: {
      subscription: {
        // the running training job advances one step per second
        jobUpdated: async function* (args: { id?: string | null }) {
          // like the API: a subscription to one job hears of that job only
          if (args?.id && args.id !== data.trainJob.id) return;
          for (let step = 141; step < 250; step++) {
            await new Promise((resolve) => setTimeout(resolve, 1000));
            const job = data.trainJob;
            const loss = 0.02 + 0.03 * Math.exp(-step / 40);
            job.lossCurve = [...job.lossCurve, { stage: 'student', epoch: 3, step, globalStep: 500 + step, loss }];
            job.progress = { ...(job.progress as object), step, fraction: step / 250, loss };
            yield { jobUpdated: job };
          }
        },
      },
    },
  },
  wss,
);

const port = Number(process.argv[2] ?? 4999);
server.listen(port, '127.0.0.1', () => process.stdout.write(`mock API on http://127.0.0.1:${port}\n`));
