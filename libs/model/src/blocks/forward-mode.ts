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

/**
 * The part of a batch this pass sees when one batch is split across data-parallel replicas: samples
 * [offset, offset + size) of `total`. Batch-wide randomness (dropout) is drawn for the whole batch and
 * sliced, so that every sample gets the values it would get in a single-replica step.
 */
export interface BatchShard {
  offset: number;
  size: number;
  total: number;
}

/** Sums a vector over every replica of a data-parallel step; each replica receives the same total. */
export interface CrossReplicaSum {
  sum(local: Float64Array | Float32Array): Float64Array;
}

export interface ForwardMode {
  training: boolean;
  /** Draws one dropout seed per dropout call (seeded: the same run draws the same masks). */
  nextDropoutSeed?: () => number;
  /** Receives BatchNorm updates in training mode; the caller applies them after the optimiser step. */
  batchNormUpdates?: BatchNormUpdate[];
  /** Set when the batch is split across replicas (see BatchShard). */
  shard?: BatchShard;
  /** Set with `shard`: BatchNorm then uses the statistics of the whole batch (synchronised BatchNorm). */
  replicas?: CrossReplicaSum;
}

export const INFERENCE: ForwardMode = { training: false };
