// BatchNorm of the CvT q/k/v projections, per channel over the tokens of a batch. Training uses the
// batch statistics and records a running-average update (PyTorch convention: momentum m,
// new = (1−m)·old + m·batch, unbiased variance); inference uses the running statistics.
import * as tf from '@tensorflow/tfjs';
import type { ParameterRole, ParameterStore } from '../parameters/parameter-store';
import { crossReplicaNormalise } from './cross-replica-normalise';
import type { BatchNormUpdate, ForwardMode } from './forward-mode';

export interface BatchNormArgs {
  name: string;
  /** Channels (last axis). */
  width: number;
  epsilon: number;
  /** Weight of the current batch in the running statistics. */
  momentum: number;
  role: ParameterRole;
}

export class BatchNorm {
  private readonly gamma: tf.Variable;
  private readonly beta: tf.Variable;
  private readonly runningMean: tf.Variable;
  private readonly runningVariance: tf.Variable;

  constructor(
    store: ParameterStore,
    private readonly args: BatchNormArgs,
  ) {
    this.gamma = store.add(`${args.name}/gamma`, [args.width], { kind: 'ones' }, args.role);
    this.beta = store.add(`${args.name}/beta`, [args.width], { kind: 'zeros' }, args.role);
    this.runningMean = store.add(`${args.name}/running_mean`, [args.width], { kind: 'zeros' }, args.role, false);
    this.runningVariance = store.add(`${args.name}/running_variance`, [args.width], { kind: 'ones' }, args.role, false);
  }

  /** x: [..., width]; statistics over every axis but the last (over every replica's share, given replicas). */
  apply<T extends tf.Tensor>(x: T, mode: ForwardMode): T {
    const axes = x.shape.slice(0, -1).map((_, i) => i);
    if (!mode.training) {
      return tf.tidy(() => this.normalise(x, this.runningMean, this.runningVariance));
    }
    if (mode.replicas !== undefined) {
      const { normalised, mean, variance, count } = crossReplicaNormalise(x, this.args.epsilon, mode.replicas);
      this.recordUpdate(mode, mean, variance, count);
      tf.dispose([mean, variance]);
      return normalised.mul(this.gamma).add(this.beta) as T;
    }
    const { mean, variance } = tf.moments(x, axes);
    const y = this.normalise(x, mean, variance);
    this.recordUpdate(mode, mean, variance, x.size / this.args.width);
    return y;
  }

  private recordUpdate(mode: ForwardMode, mean: tf.Tensor, variance: tf.Tensor, count: number): void {
    if (mode.batchNormUpdates === undefined) return;
    const unbiased = count > 1 ? variance.mul(count / (count - 1)) : variance.clone();
    mode.batchNormUpdates.push({
      mean: this.runningMean,
      variance: this.runningVariance,
      batchMean: tf.keep(mean.clone()),
      batchVariance: tf.keep(unbiased),
      momentum: this.args.momentum,
    });
  }

  private normalise<T extends tf.Tensor>(x: T, mean: tf.Tensor, variance: tf.Tensor): T {
    return x
      .sub(mean)
      .mul(tf.rsqrt(variance.add(this.args.epsilon)))
      .mul(this.gamma)
      .add(this.beta) as T;
  }
}

/** Applies and frees recorded updates; call after the optimiser step, outside any gradient scope. */
export function applyBatchNormUpdates(updates: BatchNormUpdate[]): void {
  tf.tidy(() => {
    for (const u of updates) {
      u.mean.assign(u.mean.mul(1 - u.momentum).add(u.batchMean.mul(u.momentum)));
      u.variance.assign(u.variance.mul(1 - u.momentum).add(u.batchVariance.mul(u.momentum)));
    }
  });
  for (const u of updates) {
    u.batchMean.dispose();
    u.batchVariance.dispose();
  }
  updates.length = 0;
}
