// Where an installation stores its artifacts (uploads, checkpoints, anomaly maps): one folder under the data
// folder, the same for the server processes and for the CLI's local mode.
import path from 'node:path';
import type { VadConfig } from '@vad/config';
import { LocalStorage } from '@vad/storage';

export const artifactStorage = (config: Pick<VadConfig, 'dataDir'>) => new LocalStorage(path.join(config.dataDir, 'artifacts'));
