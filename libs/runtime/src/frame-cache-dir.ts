// Where an installation keeps its decoded-frame cache: one folder under the data folder, shared by the
// workers that train and score and by the API and `vad cache`, which show and clean it.
import path from 'node:path';
import type { VadConfig } from '@vad/config';

export const frameCacheDir = (config: Pick<VadConfig, 'dataDir'>) => path.join(config.dataDir, 'cache', 'frames');
