// Dropout whose mask does not depend on how a batch is split across data-parallel replicas: the noise
// is drawn for the whole batch from the step's seed and each replica keeps its own samples' rows, so a
// sample is dropped the same way in a split step as in a single one. Same arithmetic as tf.dropout.
import * as tf from '@tensorflow/tfjs';
import type { BatchShard } from './forward-mode';

/** x: [shard.size · rowsPerSample, width] (the rows of this replica's samples, sample-major). */
export function shardedDropout(x: tf.Tensor2D, rate: number, seed: number, shard: BatchShard | undefined): tf.Tensor2D {
  if (shard === undefined) return tf.dropout(x, rate, undefined, seed) as tf.Tensor2D;
  return tf.tidy(() => {
    const [rows, width] = x.shape;
    const rowsPerSample = rows / shard.size;
    const noise = tf.randomUniform([shard.total * rowsPerSample, width], 0, 1, 'float32', seed).slice([shard.offset * rowsPerSample, 0], [rows, width]);
    const keep = 1 - rate;
    return x.mul(noise.add(keep).floor().div(keep)) as tf.Tensor2D;
  });
}
