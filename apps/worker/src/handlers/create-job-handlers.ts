// Every job kind this worker can run, wired to the libraries that do the work. The TensorFlow.js backend
// is chosen once, on the first job that needs the model (VAD_BACKEND forces one), and logged.
import { selectBackend, type SelectedBackend } from '@vad/model';
import type { JobHandler, JobHandlers } from '../job-handler';
import { evaluateHandler } from './evaluate.handler';
import { importHandler, type ImportHandlerOptions } from './import.handler';
import { inferHandler } from './infer.handler';
import { trainHandler } from './train.handler';

export interface JobHandlerOptions extends Pick<ImportHandlerOptions, 'importRoots' | 'ingestLimits'> {
  /** Folder of the decoded-frame cache shared by training and inference. */
  cacheDir: string;
  /** Data-parallel replica threads per training job (VAD_TRAIN_THREADS; default one per core on wasm). */
  trainThreads?: number;
  /** Where the backend choice is reported (default stderr). */
  log?: (line: string) => void;
}

export function createJobHandlers(options: JobHandlerOptions): JobHandlers {
  let backend: Promise<SelectedBackend> | undefined;
  const withBackend =
    (handler: (engine: string) => JobHandler): JobHandler =>
    async (execution) => {
      backend ??= selectBackend({ log: options.log });
      const selected = await backend;
      return handler(`tfjs-${selected.choice}`)(execution);
    };
  return {
    IMPORT: importHandler({ importRoots: options.importRoots, ingestLimits: options.ingestLimits, log: options.log }),
    TRAIN: withBackend(() => trainHandler(options)),
    INFER: withBackend((engine) => inferHandler({ ...options, engine })),
    EVALUATE: evaluateHandler(),
  };
}
