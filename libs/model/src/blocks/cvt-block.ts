// One CvT block (pre-norm, residual): x + Attention(LN(x)), then + MLP(LN(·)) (docs/method.md §3).
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from '../config/model-config';
import type { ParameterRole, ParameterStore } from '../parameters/parameter-store';
import { ConvAttention } from './conv-attention';
import type { ForwardMode } from './forward-mode';
import { LayerNorm } from './layer-norm';
import { PointwiseConvMlp } from './pointwise-conv-mlp';
import type { TokenLayout } from './token-layout';

export interface CvtBlockArgs {
  name: string;
  width: number;
  heads: number;
  role: ParameterRole;
}

export class CvtBlock {
  private readonly norm1: LayerNorm;
  private readonly attention: ConvAttention;
  private readonly norm2: LayerNorm;
  private readonly mlp: PointwiseConvMlp;

  constructor(store: ParameterStore, config: ModelConfig, args: CvtBlockArgs) {
    const { name, width, heads, role } = args;
    const epsilon = config.layerNormEpsilon;
    this.norm1 = new LayerNorm(store, { name: `${name}/norm1`, width, epsilon, role });
    this.attention = new ConvAttention(store, {
      name: `${name}/attention`,
      width,
      heads,
      scale: config.attentionScale,
      batchNormEpsilon: config.batchNormEpsilon,
      batchNormMomentum: config.batchNormMomentum,
      role,
    });
    this.norm2 = new LayerNorm(store, { name: `${name}/norm2`, width, epsilon, role });
    this.mlp = new PointwiseConvMlp(store, {
      name: `${name}/mlp`,
      width,
      hidden: config.mlpRatio * width,
      dropoutRate: config.dropoutRate,
      clsBypass: config.clsBypassesMlp,
      role,
    });
  }

  /** x: [B, 1 + n, C], [CLS] first. */
  apply(x: tf.Tensor3D, layout: TokenLayout, mode: ForwardMode): tf.Tensor3D {
    return tf.tidy(() => {
      const afterAttention = x.add(this.attention.apply(this.norm1.apply(x), layout, mode)) as tf.Tensor3D;
      return afterAttention.add(this.mlp.apply(this.norm2.apply(afterAttention), mode)) as tf.Tensor3D;
    });
  }
}
