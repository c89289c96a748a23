// How many replica threads a training run uses unless told: wasm runs one thread per instance in Node,
// so one replica per core; native backends (tfjs-node, CUDA) are multithreaded already, so one.
import os from 'node:os';
import * as tf from '@tensorflow/tfjs';

export function defaultTrainingReplicas(backend: string = tf.getBackend(), cores: number = os.availableParallelism()): number {
  return backend === 'wasm' ? Math.max(1, cores) : 1;
}
