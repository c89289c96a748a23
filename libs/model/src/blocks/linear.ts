// A dense layer on the last axis (token projections, decoder embedding, heads). Weights start from
// a truncated normal of std 0.02 and biases from zero, as CvT initialises its Linear layers.
import * as tf from '@tensorflow/tfjs';
import type { ParameterRole, ParameterStore } from '../parameters/parameter-store';

export interface LinearArgs {
  name: string;
  inputs: number;
  outputs: number;
  role: ParameterRole;
  /** Default true. */
  bias?: boolean;
}

export class Linear {
  private readonly kernel: tf.Variable;
  private readonly bias: tf.Variable | null;

  constructor(
    store: ParameterStore,
    private readonly args: LinearArgs,
  ) {
    this.kernel = store.add(`${args.name}/kernel`, [args.inputs, args.outputs], { kind: 'truncated-normal', std: 0.02 }, args.role);
    this.bias = (args.bias ?? true) ? store.add(`${args.name}/bias`, [args.outputs], { kind: 'zeros' }, args.role) : null;
  }

  /** x: [..., inputs] → [..., outputs]. */
  apply<T extends tf.Tensor>(x: T): T {
    return tf.tidy(() => {
      const flat = x.reshape([-1, this.args.inputs]) as tf.Tensor2D;
      const y = tf.matMul(flat, this.kernel as tf.Tensor2D);
      const biased = this.bias === null ? y : y.add(this.bias);
      return biased.reshape([...x.shape.slice(0, -1), this.args.outputs]) as T;
    });
  }
}
