// Opens what every server process needs — configuration, data folder, store, queue, storage —
// with a clear error for each thing that can be misconfigured.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, type VadConfig } from '@vad/config';
import { openDatabase, type Database } from '@vad/db';
import { BullmqQueueDriver, InProcessQueueDriver, type JobQueueDriver } from '@vad/queue';
import { LocalStorage } from '@vad/storage';
import { CliUsageError } from '../cli-error';

export interface PlatformServices {
  config: VadConfig;
  database: Database;
  queue: JobQueueDriver;
  storage: LocalStorage;
  close(): Promise<void>;
}

function ensureDataDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    throw new CliUsageError(
      `the data folder ${dir} is not writable (${(error as NodeJS.ErrnoException).code}); set VAD_DATA_DIR to a writable folder`,
    );
  }
}

export async function startServices(log: (line: string) => void): Promise<PlatformServices> {
  const config = loadConfig(process.env, process.cwd());
  ensureDataDir(config.dataDir);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrate: true });
  log(`database: ${database.kind}${config.databaseUrl ? '' : ` in ${path.join(config.dataDir, 'db')}`}`);
  const staleMs = config.jobStaleSeconds * 1000;
  const queue = config.redisUrl
    ? new BullmqQueueDriver({ url: config.redisUrl, prefix: config.queuePrefix, lockDurationMs: staleMs / 2, stalledIntervalMs: staleMs / 2 })
    : new InProcessQueueDriver();
  try {
    await queue.ping();
  } catch (error) {
    await database.close();
    throw new CliUsageError(`cannot reach Redis at ${config.redisUrl} (${(error as Error).message}); check REDIS_URL or unset it`);
  }
  log(`job queue: ${queue.name}`);
  const storage = new LocalStorage(path.join(config.dataDir, 'artifacts'));
  return {
    config,
    database,
    queue,
    storage,
    close: async () => {
      await queue.close();
      await database.close();
    },
  };
}
