// Opens what every server process needs — configuration, data folder, store, queue, storage —
// with a clear error for each thing that can be misconfigured.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, type VadConfig } from '@vad/config';
import { openDatabase, type Database } from '@vad/db';
import { InProcessQueueDriver, type JobQueueDriver } from '@vad/queue';
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
  if (config.redisUrl) log('REDIS_URL is set, but this version runs jobs on the in-process queue only');
  const queue = new InProcessQueueDriver();
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
