// The unit of work handed from libs/data to the model's training loop: plain typed arrays, no tensors,
// so that data preparation can run in worker threads and the model decides how to upload them.

export interface TrainingBatch {
  /** Number of samples B. */
  size: number;
  height: number;
  width: number;
  /** Channels of the model input: c for a single frame, 3c for the t−3 / t / t+3 stack. */
  inputChannels: number;
  /** Channels of the target: c (clean frame t) + 1 (pixel anomaly map). */
  targetChannels: number;
  /** Patch size d the token weights were pooled with. */
  patchSize: number;
  /** [B, H, W, inputChannels], values in [−1, 1], possibly with a pasted synthetic anomaly. */
  input: Float32Array;
  /** [B, H, W, targetChannels]: the clean frame t in [−1, 1], then the anomaly map in {0, 1}. */
  target: Float32Array;
  /** [B, n] motion-gradient token weights (docs/method.md §4), n = (H/d)·(W/d); each row sums to 1. */
  tokenWeights: Float32Array;
  /** [B] 1 when the sample carries a synthetic anomaly, else 0 (target of the [CLS] head). */
  hasAnomaly: Float32Array;
}
