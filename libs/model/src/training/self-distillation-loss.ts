// Self-distillation loss of stage 2 (paper eq. 4): the student reconstructs the teacher's output,
// L_SD = (1/n) Σ_i w_i ‖p̂_i − p̃_i‖², computed like eq. 3 (weighted-mse-loss.ts). The code's variant
// averages the per-token error over masked tokens only, unweighted.
import * as tf from '@tensorflow/tfjs';
import type { DistillationLoss } from '../config/model-config';
import { weightedTokenMse } from './weighted-mse-loss';

export interface DistillationTargets {
  /** [B, n] token weights (weighted-all-tokens). */
  weights: tf.Tensor2D;
  /** [B, n] 1 where the token was masked (unweighted-masked-tokens). */
  masked: tf.Tensor2D | null;
}

/**
 * student, teacher: [B, n, P]. The teacher acts as a constant: stage 2 differentiates with respect to the
 * student's variables only, and no path from the teacher's output leads to them.
 */
export function selfDistillationLoss(student: tf.Tensor3D, teacher: tf.Tensor3D, targets: DistillationTargets, variant: DistillationLoss): tf.Scalar {
  return tf.tidy(() => {
    if (variant === 'weighted-all-tokens') return weightedTokenMse(student, teacher, targets.weights);
    const masked = targets.masked;
    if (masked === null) throw new RangeError('the masked-token distillation loss needs a token mask');
    const perToken = tf.squaredDifference(student, teacher).mean(2);
    return perToken.mul(masked).sum().div(masked.sum()) as tf.Scalar;
  });
}
