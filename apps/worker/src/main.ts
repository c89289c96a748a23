// A worker process on its own: runs jobs from the queue until stopped. Configured by the environment like
// `vad start` (DATABASE_URL, REDIS_URL, VAD_DATA_DIR, …) plus VAD_WORKER_KINDS and VAD_WORKER_CONCURRENCY.
import { serveWorker } from '@vad/jobs';
import { reportStartFailure } from '@vad/runtime';

const log = (line: string) => process.stderr.write(`vad worker: ${line}\n`);

serveWorker({ log }).then(
  (runner) => log(`running ${runner.kinds.join(', ')}`),
  (error: unknown) => {
    process.exitCode = reportStartFailure(error, log);
  },
);
