// Exact GELU, x·Φ(x) = x/2·(1 + erf(x/√2)), as PyTorch's nn.GELU used in the CvT MLP.
import * as tf from '@tensorflow/tfjs';

export function gelu<T extends tf.Tensor>(x: T): T {
  return tf.tidy(() => x.mul(0.5).mul(tf.erf(x.mul(Math.SQRT1_2)).add(1)) as T);
}
