// Motion-weighted reconstruction loss (paper eq. 3): L = (1/n) Σ_i w_i ‖p_i − p̂_i‖², over the (c+1)
// target channels. Computed as Σ_i w_i · mean_j (p_ij − p̂_ij)², averaged over the batch: eq. 3 times the
// constant n/P (P values per token), which matches the code's per-patch mean and keeps the loss on a
// readable scale; Adam is invariant to the constant (up to ε). With uniform w_i = 1/n it is the plain MSE.
import * as tf from '@tensorflow/tfjs';

/** prediction, target: [B, n, P]; weights: [B, n] → scalar. */
export function weightedTokenMse(prediction: tf.Tensor3D, target: tf.Tensor3D, weights: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const perToken = tf.squaredDifference(prediction, target).mean(2);
    return perToken.mul(weights).sum(1).mean() as tf.Scalar;
  });
}
