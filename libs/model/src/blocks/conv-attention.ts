// CvT convolutional attention (Wu et al. 2021, as used by the paper §3): q, k and v each come from a
// depthwise 3×3 convolution (no bias) + BatchNorm on the token grid, then a linear projection; [CLS]
// is not on the grid and skips the convolutions. Multi-head scaled dot-product attention follows,
// then an output projection. The code scales by the full width C^−0.5 (`attentionScale`).
import * as tf from '@tensorflow/tfjs';
import type { AttentionScale } from '../config/model-config';
import type { ParameterRole, ParameterStore } from '../parameters/parameter-store';
import { BatchNorm } from './batch-norm';
import type { ForwardMode } from './forward-mode';
import { Linear } from './linear';
import type { TokenLayout } from './token-layout';

export interface ConvAttentionArgs {
  name: string;
  width: number;
  heads: number;
  scale: AttentionScale;
  batchNormEpsilon: number;
  batchNormMomentum: number;
  role: ParameterRole;
}

const PROJECTIONS = ['q', 'k', 'v'] as const;

export class ConvAttention {
  private readonly depthwise: tf.Variable[];
  private readonly norms: BatchNorm[];
  private readonly projections: Linear[];
  private readonly output: Linear;

  constructor(
    store: ParameterStore,
    private readonly args: ConvAttentionArgs,
  ) {
    const { name, width, role } = args;
    this.depthwise = PROJECTIONS.map((p) =>
      // PyTorch's default Conv2d initialisation; fan_in of a depthwise 3×3 kernel is 9.
      store.add(`${name}/${p}/depthwise_kernel`, [3, 3, width, 1], { kind: 'uniform', limit: 1 / 3 }, role),
    );
    this.norms = PROJECTIONS.map(
      (p) =>
        new BatchNorm(store, {
          name: `${name}/${p}/batch_norm`,
          width,
          epsilon: args.batchNormEpsilon,
          momentum: args.batchNormMomentum,
          role,
        }),
    );
    this.projections = PROJECTIONS.map((p) => new Linear(store, { name: `${name}/${p}/linear`, inputs: width, outputs: width, role }));
    this.output = new Linear(store, { name: `${name}/output`, inputs: width, outputs: width, role });
  }

  /** x: [B, 1 + n, C] normalised tokens, [CLS] first; layout places the n patch tokens on the grid. */
  apply(x: tf.Tensor3D, layout: TokenLayout, mode: ForwardMode): tf.Tensor3D {
    return tf.tidy(() => {
      const [b, t, c] = x.shape;
      const { heads } = this.args;
      const headWidth = c / heads;
      const cls = x.slice([0, 0, 0], [b, 1, c]);
      const grid = layout.toGrid(x.slice([0, 1, 0], [b, t - 1, c]) as tf.Tensor3D);
      const [q, k, v] = this.depthwise.map((kernel, i) => {
        const tokens = layout.fromGrid(tf.depthwiseConv2d(grid, kernel as tf.Tensor4D, 1, 'same'));
        const normalised = this.norms[i].apply(tokens, mode);
        const projected = this.projections[i].apply(tf.concat([cls, normalised], 1));
        return projected.reshape([b, t, heads, headWidth]).transpose([0, 2, 1, 3]);
      });
      const scale = this.args.scale === 'full-width' ? c ** -0.5 : headWidth ** -0.5;
      const weights = tf.softmax(tf.matMul(q, k, false, true).mul(scale));
      const attended = tf.matMul(weights, v).transpose([0, 2, 1, 3]).reshape([b, t, c]);
      return this.output.apply(attended) as tf.Tensor3D;
    });
  }
}
