// What every resolver can reach: the store, the queue, the platform's version.
import type { Database } from '@vad/db';
import type { JobQueueDriver } from '@vad/queue';

export interface ApiServices {
  database: Database;
  queue: JobQueueDriver;
  version: string;
}

export type ApiContext = ApiServices;
