// Patch embedding (docs/method.md §3): a d×d convolution with stride d to the encoder width, then LayerNorm;
// one token per non-overlapping patch, in raster order. No positional embedding (as in the code):
// the depthwise convolutions of the blocks carry position.
import * as tf from '@tensorflow/tfjs';
import type { ParameterStore } from '../parameters/parameter-store';
import { LayerNorm } from './layer-norm';

export interface PatchEmbeddingArgs {
  name: string;
  patchSize: number;
  inputChannels: number;
  width: number;
  layerNormEpsilon: number;
}

export class PatchEmbedding {
  private readonly kernel: tf.Variable;
  private readonly bias: tf.Variable;
  private readonly norm: LayerNorm;

  constructor(
    store: ParameterStore,
    private readonly args: PatchEmbeddingArgs,
  ) {
    const { name, patchSize: d, inputChannels, width } = args;
    const limit = 1 / Math.sqrt(d * d * inputChannels);
    this.kernel = store.add(`${name}/kernel`, [d, d, inputChannels, width], { kind: 'uniform', limit }, 'encoder');
    this.bias = store.add(`${name}/bias`, [width], { kind: 'uniform', limit }, 'encoder');
    this.norm = new LayerNorm(store, { name: `${name}/norm`, width, epsilon: args.layerNormEpsilon, role: 'encoder' });
  }

  /** frames [B, H, W, Cin] → tokens [B, (H/d)·(W/d), width]. */
  apply(frames: tf.Tensor4D): tf.Tensor3D {
    return tf.tidy(() => {
      const d = this.args.patchSize;
      const y = tf.conv2d(frames, this.kernel as tf.Tensor4D, d, 'valid').add(this.bias) as tf.Tensor4D;
      const [b, gh, gw, c] = y.shape;
      return this.norm.apply(y.reshape([b, gh * gw, c]) as tf.Tensor3D);
    });
  }
}
