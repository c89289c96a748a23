// Synchronised BatchNorm for data-parallel training: the statistics of the whole batch, gathered from
// every replica, instead of each replica's share (which would make a split batch train a different
// model). The gradient flows through the statistics too, so its two per-channel sums are gathered as
// well. Two passes (mean, then the centred sum of squares) for the accuracy of tf.moments.
import * as tf from '@tensorflow/tfjs';
import type { CrossReplicaSum } from './forward-mode';

export interface CrossReplicaNormalisation<T extends tf.Tensor> {
  /** (x − mean) / √(variance + ε), differentiable with respect to x. */
  normalised: T;
  /** Whole-batch mean and biased variance per channel, kept alive for the caller to dispose. */
  mean: tf.Tensor1D;
  variance: tf.Tensor1D;
  /** Values per channel in the whole batch. */
  count: number;
}

function channelSums(t: tf.Tensor, axes: number[]): Float64Array {
  return Float64Array.from(tf.tidy(() => t.sum(axes).dataSync()));
}

function concatenated(...parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** x: [..., width]; statistics over every axis but the last, across all replicas. */
export function crossReplicaNormalise<T extends tf.Tensor>(x: T, epsilon: number, replicas: CrossReplicaSum): CrossReplicaNormalisation<T> {
  const width = x.shape[x.rank - 1];
  const axes = x.shape.slice(0, -1).map((_, i) => i);
  let statistics: Omit<CrossReplicaNormalisation<T>, 'normalised'> | null = null;
  const normalise = tf.customGrad(((input: tf.Tensor, save: tf.GradSaveFunc) => {
    const sums = replicas.sum(concatenated(channelSums(input, axes), Float64Array.of(input.size / width)));
    const count = sums[width];
    const mean = tf.tensor1d(Float32Array.from(sums.subarray(0, width), (v) => v / count));
    const centred = input.sub(mean);
    const squares = replicas.sum(channelSums(centred.square(), axes));
    const variance = tf.tensor1d(Float32Array.from(squares, (v) => v / count));
    const inverseStd = tf.rsqrt(variance.add(epsilon));
    const value = centred.mul(inverseStd);
    save([value, inverseStd]);
    statistics = { mean: tf.keep(mean), variance: tf.keep(variance), count };
    return {
      value,
      // d/dx of (x − μ)/σ with μ, σ over the whole batch: σ⁻¹ (dy − mean(dy) − x̂ · mean(dy · x̂)).
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [normalised, scale] = saved;
        const gathered = replicas.sum(concatenated(channelSums(dy, axes), channelSums(dy.mul(normalised), axes)));
        const meanDy = tf.tensor1d(Float32Array.from(gathered.subarray(0, width), (v) => v / count));
        const meanDyX = tf.tensor1d(Float32Array.from(gathered.subarray(width), (v) => v / count));
        return dy.sub(meanDy).sub(normalised.mul(meanDyX)).mul(scale);
      },
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  const normalised = normalise(x) as T;
  if (statistics === null) throw new Error('the synchronised BatchNorm ran no forward pass');
  return { normalised, ...(statistics as Omit<CrossReplicaNormalisation<T>, 'normalised'>) };
}
