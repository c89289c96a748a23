// Every job kind this worker can run, wired to the libraries that do the work. The TensorFlow.js backend
// is chosen once, on the first job that needs the model (VAD_BACKEND forces one), and logged in each job's log.
import { selectBackend, type SelectedBackend } from '@vad/model';
import type { JobHandler, JobHandlers } from '../job-handler';
import { evaluateHandler } from './evaluate.handler';
import { importHandler, type ImportHandlerOptions } from './import.handler';
import { inferHandler } from './infer.handler';
import { trainHandler } from './train.handler';

export interface JobHandlerOptions extends Pick<ImportHandlerOptions, 'importRoots' | 'ingestLimits'> {
  /** Folder of the decoded-frame cache shared by training and inference. */
  cacheDir: string;
  /** Its disk budget (VAD_FRAME_CACHE_GB; default DEFAULT_FRAME_CACHE_BYTES). */
  frameCacheBytes?: number;
  /** Data-parallel replica threads per training job (VAD_TRAIN_THREADS; default one per core on wasm). */
  trainThreads?: number;
  /** Where the backend choice is reported (default stderr). */
  log?: (line: string) => void;
  /** The backend of this worker (default: chosen on the first job that needs it); see `sharedBackend`. */
  backend?: () => Promise<SelectedBackend>;
}

/** Chooses the tfjs backend once for everything that asks (VAD_BACKEND forces one) and logs the choice. */
export function sharedBackend(log?: (line: string) => void): () => Promise<SelectedBackend> {
  let backend: Promise<SelectedBackend> | undefined;
  return () => (backend ??= selectBackend({ log }));
}

export function createJobHandlers(options: JobHandlerOptions): JobHandlers {
  const backend = options.backend ?? sharedBackend(options.log);
  const withBackend =
    (handler: (engine: string) => JobHandler): JobHandler =>
    async (execution) => {
      const selected = await backend();
      const skipped = selected.skipped.map((s) => `${s.choice}: ${s.reason}`).join('; ');
      await execution.log(`tfjs backend ${selected.choice}${skipped ? ` (passed over ${skipped})` : ''}`);
      return handler(`tfjs-${selected.choice}`)(execution);
    };
  return {
    IMPORT: importHandler({ importRoots: options.importRoots, ingestLimits: options.ingestLimits, log: options.log }),
    TRAIN: withBackend(() => trainHandler(options)),
    INFER: withBackend((engine) => inferHandler({ ...options, engine })),
    EVALUATE: evaluateHandler(),
  };
}
