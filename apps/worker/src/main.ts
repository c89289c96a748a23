// A worker process on its own: runs jobs from the queue until stopped. Configured by the environment like
// `vad start` (DATABASE_URL, REDIS_URL, VAD_DATA_DIR, …) plus VAD_WORKER_KINDS and VAD_WORKER_CONCURRENCY.
import { startPlatformWorker } from '@vad/jobs';
import { openPlatformServices, reportStartFailure, stopOnSignals } from '@vad/runtime';

const log = (line: string) => process.stderr.write(`vad worker: ${line}\n`);

async function main(): Promise<void> {
  const services = await openPlatformServices(log);
  const { workerKinds: kinds, workerConcurrency: concurrency } = services.config;
  const runner = await startPlatformWorker(services, { kinds, concurrency, log }).catch(async (error) => {
    await services.close();
    throw error;
  });
  // ready only once a stop is handled: a supervisor may send SIGTERM as soon as it reads the line
  stopOnSignals(async () => {
    await runner.stop();
    await services.close();
  }, log);
  log(`running ${runner.kinds.join(', ')}`);
}

main().catch((error: unknown) => {
  process.exitCode = reportStartFailure(error, log);
});
