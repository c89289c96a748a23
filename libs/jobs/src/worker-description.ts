// What a worker computes on, in the words the dashboard uses to suggest a preset: the tfjs backend it selected
// and whether that backend runs on a GPU.
import { GPU_BACKENDS, type SelectedBackend } from '@vad/model';

export interface WorkerDescription {
  /** tfjs-<choice>, e.g. tfjs-wasm. */
  backend: string;
  device: 'gpu' | 'cpu';
}

export function describeBackend(selected: Pick<SelectedBackend, 'choice'>): WorkerDescription {
  return { backend: `tfjs-${selected.choice}`, device: GPU_BACKENDS.includes(selected.choice) ? 'gpu' : 'cpu' };
}
