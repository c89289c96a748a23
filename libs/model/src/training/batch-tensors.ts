// Uploads a TrainingBatch as the tensors one training step needs, after checking it against the model:
// sizes, channels, patch size and the ablation switches (docs/method.md §4–§6, Table 2).
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from '../config/model-config';
import { modelDimensions } from '../config/model-dimensions';
import { ModelError, ModelErrorCode } from '../model.error';
import { patchify } from '../tokens/patchify';
import type { TrainingBatch } from './training-batch';

export interface BatchTensors {
  size: number;
  /** [B, H, W, inputChannels]. */
  input: tf.Tensor4D;
  /** [B, n, d·d·outputChannels]: the target patchified like the heads' output. */
  target: tf.Tensor3D;
  /** [B, n] token weights w_i (eq. 2), or 1/n each with motion weights switched off. */
  weights: tf.Tensor2D;
  /** [B] synthetic-anomaly labels of the classification head. */
  hasAnomaly: tf.Tensor1D;
}

export function checkBatch(batch: TrainingBatch, config: ModelConfig): void {
  const dims = modelDimensions(config);
  const fail = (what: string) => {
    throw new ModelError(ModelErrorCode.ShapeMismatch, `training batch does not fit the model: ${what}`);
  };
  if (!Number.isInteger(batch.size) || batch.size < 1) fail(`size ${batch.size}`);
  if (batch.height !== config.inputHeight || batch.width !== config.inputWidth) {
    fail(`frames are ${batch.height}×${batch.width}, the model takes ${config.inputHeight}×${config.inputWidth}`);
  }
  if (batch.inputChannels !== dims.inputChannels) fail(`${batch.inputChannels} input channels, the model takes ${dims.inputChannels}`);
  if (batch.targetChannels !== dims.frameChannels + 1) fail(`${batch.targetChannels} target channels, expected ${dims.frameChannels + 1}`);
  if (batch.patchSize !== config.patchSize) fail(`token weights pooled with patch ${batch.patchSize}, the model uses ${config.patchSize}`);
  const pixels = batch.size * batch.height * batch.width;
  if (batch.input.length !== pixels * batch.inputChannels) fail(`input has ${batch.input.length} values`);
  if (batch.target.length !== pixels * batch.targetChannels) fail(`target has ${batch.target.length} values`);
  if (batch.tokenWeights.length !== batch.size * dims.tokens) fail(`tokenWeights has ${batch.tokenWeights.length} values`);
  if (batch.hasAnomaly.length !== batch.size) fail(`hasAnomaly has ${batch.hasAnomaly.length} values`);
  if (!config.ablation.syntheticData && batch.hasAnomaly.some((v) => v !== 0)) {
    throw new ModelError(
      ModelErrorCode.InvalidConfig,
      'the batch carries synthetic anomalies but ablation.syntheticData is off: switch the data pipeline’s synthetic anomalies off too',
    );
  }
}

/** Validates and uploads one batch; the caller disposes the tensors. */
export function batchTensors(batch: TrainingBatch, config: ModelConfig): BatchTensors {
  checkBatch(batch, config);
  const dims = modelDimensions(config);
  return tf.tidy(() => {
    const { size: b, height: h, width: w } = batch;
    const input = tf.tensor4d(batch.input, [b, h, w, batch.inputChannels]);
    let frames = tf.tensor4d(batch.target, [b, h, w, batch.targetChannels]);
    if (!config.ablation.anomalyMaps) frames = frames.slice([0, 0, 0, 0], [b, h, w, dims.frameChannels]);
    const target = patchify(frames, config.patchSize);
    const weights = config.ablation.motionWeights
      ? tf.tensor2d(batch.tokenWeights, [b, dims.tokens])
      : (tf.fill([b, dims.tokens], 1 / dims.tokens) as tf.Tensor2D);
    return { size: b, input, target, weights, hasAnomaly: tf.tensor1d(batch.hasAnomaly) };
  });
}

export function disposeBatchTensors(t: BatchTensors): void {
  tf.dispose([t.input, t.target, t.weights, t.hasAnomaly]);
}
