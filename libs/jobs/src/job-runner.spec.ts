import { createTestDatabase, testDatabaseKind, type TestDatabase } from '@vad/db/testing';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InProcessQueueDriver } from '@vad/queue';
import { LocalStorage } from '@vad/storage';
import { startJobRunner } from './job-runner';

describe(`job runner on ${testDatabaseKind()}`, () => {
  let database: TestDatabase;
  let teamId: string;
  const storage = new LocalStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'vad-runner-')));
  beforeAll(async () => {
    database = await createTestDatabase();
    teamId = (await database.prisma.team.create({ data: { slug: 'lab', name: 'Lab' } })).id;
  }, 60_000);
  afterAll(() => database.close());

  const queueJob = (kind: 'EVALUATE' | 'TRAIN', parameters: object = {}) => database.prisma.job.create({ data: { teamId, kind, parameters } });

  it('runs a queued job through its handler and records the result, logs and progress', async () => {
    const queue = new InProcessQueueDriver();
    const runner = await startJobRunner({
      database,
      storage,
      queue,
      workerId: 'w1',
      handlers: {
        EVALUATE: async (execution) => {
          await execution.log('evaluating');
          await execution.reportProgress({ step: 1 });
          return { doubled: (execution.parameters as { n: number }).n * 2 };
        },
      },
    });
    const job = await queueJob('EVALUATE', { n: 21 });
    await queue.enqueue({ jobId: job.id, kind: 'EVALUATE' });
    await queue.whenIdle();
    const done = await database.prisma.job.findUniqueOrThrow({ where: { id: job.id }, include: { logs: true } });
    expect(done).toMatchObject({ status: 'SUCCEEDED', attempt: 1, workerId: 'w1', result: { doubled: 42 }, progress: { step: 1 } });
    expect(done.logs.map((l) => l.message)).toEqual(['evaluating']);
    await runner.stop();
  });

  it('records the error of a failing handler on the job', async () => {
    const queue = new InProcessQueueDriver();
    const runner = await startJobRunner({
      database,
      storage,
      queue,
      workerId: 'w1',
      handlers: { TRAIN: async () => Promise.reject(new Error('out of memory at batch 4')) },
    });
    const job = await queueJob('TRAIN');
    await queue.enqueue({ jobId: job.id, kind: 'TRAIN' });
    await queue.whenIdle();
    expect(await database.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: 'FAILED',
      error: 'out of memory at batch 4',
    });
    await runner.stop();
  });

  it('picks up jobs left QUEUED by a previous process when it starts', async () => {
    const leftOver = await queueJob('EVALUATE', { n: 1 });
    const queue = new InProcessQueueDriver();
    const runner = await startJobRunner({ database, storage, queue, workerId: 'w2', handlers: { EVALUATE: async () => 'ok' } });
    await queue.whenIdle();
    expect(await database.prisma.job.findUniqueOrThrow({ where: { id: leftOver.id } })).toMatchObject({ status: 'SUCCEEDED', workerId: 'w2' });
    await runner.stop();
  });

  it('does not run a job twice when it is delivered twice', async () => {
    const queue = new InProcessQueueDriver();
    let runs = 0;
    const runner = await startJobRunner({ database, storage, queue, workerId: 'w3', handlers: { EVALUATE: async () => void runs++ } });
    const job = await queueJob('EVALUATE');
    await queue.enqueue({ jobId: job.id, kind: 'EVALUATE' });
    await queue.enqueue({ jobId: job.id, kind: 'EVALUATE' });
    await queue.whenIdle();
    expect(runs).toBe(1);
    await runner.stop();
  });

  it('takes over a running job whose worker stopped sending heartbeats, and leaves a live one alone', async () => {
    const orphaned = await database.prisma.job.create({
      data: { teamId, kind: 'EVALUATE', parameters: {}, status: 'RUNNING', attempt: 1, workerId: 'dead', heartbeatAt: new Date(Date.now() - 120_000) },
    });
    const alive = await database.prisma.job.create({
      data: { teamId, kind: 'EVALUATE', parameters: {}, status: 'RUNNING', attempt: 1, workerId: 'busy', heartbeatAt: new Date() },
    });
    const queue = new InProcessQueueDriver();
    const runner = await startJobRunner({ database, storage, queue, workerId: 'w4', staleAfterMs: 60_000, handlers: { EVALUATE: async () => 'ok' } });
    await queue.enqueue({ jobId: orphaned.id, kind: 'EVALUATE' });
    await queue.enqueue({ jobId: alive.id, kind: 'EVALUATE' });
    await queue.whenIdle();
    expect(await database.prisma.job.findUniqueOrThrow({ where: { id: orphaned.id } })).toMatchObject({ status: 'SUCCEEDED', attempt: 2, workerId: 'w4' });
    expect(await database.prisma.job.findUniqueOrThrow({ where: { id: alive.id } })).toMatchObject({ status: 'RUNNING', workerId: 'busy' });
    await runner.stop();
  });

  it('cancels a running job at its next heartbeat when cancellation is requested', async () => {
    const queue = new InProcessQueueDriver();
    let started = false;
    const runner = await startJobRunner({
      database,
      storage,
      queue,
      workerId: 'w5',
      heartbeatMs: 20,
      handlers: {
        TRAIN: (execution) =>
          new Promise((_resolve, reject) => {
            started = true;
            execution.signal.addEventListener('abort', () => reject(execution.signal.reason));
          }),
      },
    });
    const job = await queueJob('TRAIN');
    await queue.enqueue({ jobId: job.id, kind: 'TRAIN' });
    while (!started) await new Promise((r) => setTimeout(r, 10));
    await database.prisma.job.update({ where: { id: job.id }, data: { cancelRequested: true } });
    await queue.whenIdle();
    expect(await database.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: 'CANCELLED', error: 'cancelled by request' });
    await runner.stop();
  });

  it('puts a running job back in the queue on shutdown, for the next worker to resume', async () => {
    const queue = new InProcessQueueDriver();
    let started = false;
    const runner = await startJobRunner({
      database,
      storage,
      queue,
      workerId: 'w6',
      handlers: {
        TRAIN: (execution) =>
          new Promise((_resolve, reject) => {
            started = true;
            execution.signal.addEventListener('abort', () => reject(new Error('stopped')));
          }),
      },
    });
    const job = await queueJob('TRAIN');
    await queue.enqueue({ jobId: job.id, kind: 'TRAIN' });
    while (!started) await new Promise((r) => setTimeout(r, 10));
    await runner.stop();
    expect(await database.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: 'QUEUED', attempt: 1, workerId: null });
  });

  it("keeps each attempt's loss curve and epochs apart, and starts a retried attempt without the last one's progress", async () => {
    const queue = new InProcessQueueDriver();
    const runner = await startJobRunner({
      database,
      storage,
      queue,
      workerId: 'w7',
      handlers: {
        EVALUATE: async (execution) => {
          const progressAtStart = (await database.prisma.job.findUniqueOrThrow({ where: { id: execution.jobId } })).progress;
          await execution.log(`progress at start: ${JSON.stringify(progressAtStart)}`);
          for (const [step, loss] of [0.9, 0.5, NaN, 0.25].entries()) {
            await execution.recordLoss({ stage: step < 2 ? 'teacher' : 'student', epoch: step < 2 ? 1 : 2, step: (step % 2) + 1, globalStep: step + 1, loss });
          }
          await execution.recordEpoch({ stage: 'teacher', epoch: 1, loss: 0.7, validationLoss: null, seconds: 3 });
          await execution.recordEpoch({ stage: 'teacher', epoch: 1, loss: 0.6, validationLoss: 0.65, seconds: 4 });
          await execution.reportProgress({ stage: 'student', loss: 0.25 });
          if (execution.attempt === 1) throw Object.assign(new Error('connection reset by peer'), { code: 'ECONNRESET' });
        },
      },
    });
    const job = await queueJob('EVALUATE');
    await queue.enqueue({ jobId: job.id, kind: 'EVALUATE' });
    // the transient failure is retried after its back-off (two seconds)
    for (let waited = 0; (await database.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).status !== 'SUCCEEDED'; waited += 100) {
      if (waited > 10_000) throw new Error('the retried attempt did not succeed');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const points = await database.prisma.lossPoint.findMany({ where: { jobId: job.id }, orderBy: { id: 'asc' } });
    // a non-finite loss is left out of the curve
    expect(points.map((p) => [p.attempt, p.stage, p.epoch, p.step, p.globalStep, p.loss])).toEqual([
      [1, 'teacher', 1, 1, 1, 0.9],
      [1, 'teacher', 1, 2, 2, 0.5],
      [1, 'student', 2, 2, 4, 0.25],
      [2, 'teacher', 1, 1, 1, 0.9],
      [2, 'teacher', 1, 2, 2, 0.5],
      [2, 'student', 2, 2, 4, 0.25],
    ]);
    // the second report of an epoch in an attempt replaces the first
    expect(await database.prisma.epochResult.findMany({ where: { jobId: job.id }, orderBy: { attempt: 'asc' } })).toMatchObject([
      { attempt: 1, epoch: 1, stage: 'teacher', loss: 0.6, validationLoss: 0.65, seconds: 4 },
      { attempt: 2, epoch: 1, stage: 'teacher', loss: 0.6, validationLoss: 0.65, seconds: 4 },
    ]);
    const logs = await database.prisma.jobLog.findMany({ where: { jobId: job.id }, orderBy: { id: 'asc' } });
    expect(logs.map((l) => l.message)).toEqual(['progress at start: null', 'progress at start: null']);
    expect((await database.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).progress).toEqual({ stage: 'student', loss: 0.25 });
    await runner.stop();
  });

  it('records what it computes on while it runs, refreshes it at each sweep, and removes it when it stops', async () => {
    const queue = new InProcessQueueDriver();
    const runner = await startJobRunner({
      database,
      storage,
      queue,
      workerId: 'gpu-box:1',
      sweepMs: 200,
      handlers: { TRAIN: async () => undefined, INFER: async () => undefined },
      describe: async () => ({ backend: 'tfjs-tensorflow-gpu', device: 'gpu' }),
    });
    const row = () => database.prisma.worker.findUnique({ where: { id: 'gpu-box:1' } });
    // recorded once the description is known, without holding up the start
    let first = await row();
    for (let waited = 0; first === null && waited < 5000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      first = await row();
    }
    expect(first).toMatchObject({ backend: 'tfjs-tensorflow-gpu', device: 'gpu', kinds: ['TRAIN', 'INFER'] });
    const firstAliveUntil = first?.aliveUntil.getTime() ?? 0;
    expect(firstAliveUntil).toBeGreaterThan(Date.now());
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await row())?.aliveUntil.getTime()).toBeGreaterThan(firstAliveUntil);
    await runner.stop();
    expect(await row()).toBeNull();
  });
});
