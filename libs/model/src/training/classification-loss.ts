// Binary cross-entropy of the [CLS] head against "this frame carries a synthetic anomaly" (paper eq. 5),
// from logits in the numerically stable form max(z, 0) − z·y + log(1 + e^−|z|), averaged over the batch.
import * as tf from '@tensorflow/tfjs';

/** logits, labels: [B] → scalar. */
export function classificationLoss(logits: tf.Tensor1D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(
    () =>
      tf
        .relu(logits)
        .sub(logits.mul(labels))
        .add(tf.log(tf.exp(tf.abs(logits).neg()).add(1)))
        .mean() as tf.Scalar,
  );
}
