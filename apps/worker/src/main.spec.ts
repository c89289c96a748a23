// The worker process on its own: starts on an embedded store, runs the kinds it was given, stops on SIGTERM,
// and refuses a kind it does not know with a clear message and exit code 2.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { embeddedEnvironment, startServerProcess } from '@vad/runtime/testing';

const MAIN = path.join(__dirname, 'main.ts');

describe('apps/worker', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-worker-main-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('runs the kinds it is given until SIGTERM, then exits cleanly', async () => {
    const worker = startServerProcess(MAIN, embeddedEnvironment(dataDir, { VAD_WORKER_KINDS: 'evaluate,import', VAD_WORKER_CONCURRENCY: '2' }));
    await worker.waitFor(/running IMPORT, EVALUATE/);
    expect(await worker.stop()).toBe(0);
  }, 90_000);

  it('refuses a concurrency that is not a whole number, with one line and exit code 2', async () => {
    const worker = startServerProcess(MAIN, embeddedEnvironment(dataDir, { VAD_WORKER_CONCURRENCY: 'many' }));
    expect(await worker.exited()).toBe(2);
    expect(worker.output()).toContain('VAD_WORKER_CONCURRENCY must be a whole number from 1 to 64, got "many"');
  }, 90_000);

  it('refuses a job kind it does not know', async () => {
    const worker = startServerProcess(MAIN, embeddedEnvironment(dataDir, { VAD_WORKER_KINDS: 'TRAIN,GPU' }));
    expect(await worker.exited()).toBe(2);
    expect(worker.output()).toContain('unknown: GPU');
  }, 90_000);
});
