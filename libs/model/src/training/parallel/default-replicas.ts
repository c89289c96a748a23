// How many replica threads a training run uses unless told: wasm runs one thread per instance in Node,
// so one replica per core, but never more than a batch has samples (a replica without a share would
// only sit out and be resynchronised); native backends (tfjs-node, CUDA) are multithreaded already, so one.
import os from 'node:os';
import * as tf from '@tensorflow/tfjs';

export interface DefaultReplicasInput {
  batchSize: number;
  /** Default: the active tfjs backend. */
  backend?: string;
  /** Default: the cores available to this process. */
  cores?: number;
}

export function defaultTrainingReplicas({ batchSize, backend = tf.getBackend(), cores = os.availableParallelism() }: DefaultReplicasInput): number {
  return backend === 'wasm' ? Math.max(1, Math.min(cores, batchSize)) : 1;
}
