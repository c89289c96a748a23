// LayerNorm over the last axis (pre-norm transformer blocks, patch embedding, heads).
import * as tf from '@tensorflow/tfjs';
import type { ParameterRole, ParameterStore } from '../parameters/parameter-store';

export interface LayerNormArgs {
  /** Name prefix of the γ / β variables. */
  name: string;
  /** Size of the normalised (last) axis. */
  width: number;
  /** Added to the variance (code: 1e-6). */
  epsilon: number;
  role: ParameterRole;
}

export class LayerNorm {
  private readonly gamma: tf.Variable;
  private readonly beta: tf.Variable;

  constructor(
    store: ParameterStore,
    private readonly args: LayerNormArgs,
  ) {
    this.gamma = store.add(`${args.name}/gamma`, [args.width], { kind: 'ones' }, args.role);
    this.beta = store.add(`${args.name}/beta`, [args.width], { kind: 'zeros' }, args.role);
  }

  apply<T extends tf.Tensor>(x: T): T {
    return tf.tidy(() => {
      const { mean, variance } = tf.moments(x, -1, true);
      return x
        .sub(mean)
        .mul(tf.rsqrt(variance.add(this.args.epsilon)))
        .mul(this.gamma)
        .add(this.beta) as T;
    });
  }
}
