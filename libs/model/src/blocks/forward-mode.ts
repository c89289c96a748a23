// What a layer needs to know about the pass it is part of: training (batch statistics, dropout)
// or inference (running statistics, no dropout), and where training-time side effects go.
import type * as tf from '@tensorflow/tfjs';

/** A BatchNorm running-statistics update computed during a training forward pass. */
export interface BatchNormUpdate {
  mean: tf.Variable;
  variance: tf.Variable;
  /** Batch mean and unbiased batch variance, kept alive past the pass's tidy scope. */
  batchMean: tf.Tensor;
  batchVariance: tf.Tensor;
  momentum: number;
}

export interface ForwardMode {
  training: boolean;
  /** Draws one dropout seed per dropout call (seeded: the same run draws the same masks). */
  nextDropoutSeed?: () => number;
  /** Receives BatchNorm updates in training mode; the caller applies them after the optimiser step. */
  batchNormUpdates?: BatchNormUpdate[];
}

export const INFERENCE: ForwardMode = { training: false };
