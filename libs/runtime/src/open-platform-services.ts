// Opens what every server process needs — configuration, data folder, store, queue, storage —
// with a clear error for each thing that can be misconfigured.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, ConfigErrorCode, loadConfig, type VadConfig } from '@vad/config';
import { openDatabase, videoPathsAsStorageKeys, type Database } from '@vad/db';
import { BullmqQueueDriver, InProcessQueueDriver, type JobQueueDriver } from '@vad/queue';
import type { LocalStorage } from '@vad/storage';
import { artifactStorage } from './artifact-storage';

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
    throw new ConfigError(
      ConfigErrorCode.DataFolderNotWritable,
      `the data folder ${dir} is not writable (${(error as NodeJS.ErrnoException).code}); set VAD_DATA_DIR to a writable folder`,
    );
  }
}

/** The services of the configuration in `env` (relative paths from `cwd`), each announced through `log`. */
export async function openPlatformServices(log: (line: string) => void, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<PlatformServices> {
  const config = loadConfig(env, cwd);
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
    // a client that never connected keeps retrying until closed: close it, or the process cannot end
    await queue.close().catch(() => undefined);
    await database.close();
    throw new ConfigError(
      ConfigErrorCode.ServiceUnreachable,
      `cannot reach Redis at ${config.redisUrl} (${(error as Error).message}); check REDIS_URL or unset it`,
    );
  }
  log(`job queue: ${queue.name}`);
  const storage = artifactStorage(config);
  const rewritten = await videoPathsAsStorageKeys(database.prisma, storage.root);
  if (rewritten > 0) log(`recorded ${rewritten} stored video(s) by storage key instead of path`);
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
