// The training input is libs/data's batch type: plain typed arrays, no tensors (see @vad/data).
export type { TrainingBatch } from '@vad/data';
