// One optimisation step of either stage (METHOD.md §5).
// Stage 1 trains encoder, teacher decoder and classifier on L_wMSE (eq. 3) + BCE (eq. 5).
// Stage 2 trains the student branch only on L_SD (eq. 4); everything shared is frozen and runs in
// inference mode (running BatchNorm statistics, no dropout) so that its outputs stay fixed — the code
// leaves the frozen BatchNorms in training mode, which lets their statistics drift during stage 2.
import * as tf from '@tensorflow/tfjs';
import { applyBatchNormUpdates } from '../blocks/batch-norm';
import { INFERENCE, type BatchNormUpdate, type ForwardMode } from '../blocks/forward-mode';
import { Detector, STAGE_ROLES } from '../detector/detector';
import { randomTokenMask, type TokenMask } from '../masking/token-mask';
import { ModelError, ModelErrorCode } from '../model.error';
import type { SeededRandom } from '../random/seeded-random';
import type { AdamOptimizer } from './adam-optimizer';
import type { BatchTensors } from './batch-tensors';
import { classificationLoss } from './classification-loss';
import { selfDistillationLoss } from './self-distillation-loss';
import { weightedTokenMse } from './weighted-mse-loss';

export type TrainingStage = 1 | 2;

export interface StepLosses {
  /** The optimised total. */
  loss: number;
  /** Stage 1: eq. 3. */
  reconstruction?: number;
  /** Stage 1: eq. 5 (with a classification head). */
  classification?: number;
  /** Stage 2: eq. 4. */
  distillation?: number;
}

/** A fresh training mask for a batch, drawn from the training stream (null when maskRatio is 0). */
export function trainingMask(detector: Detector, batch: number, rng: SeededRandom): TokenMask | null {
  const { config, dims } = detector;
  if (!(config.maskRatio > 0)) return null;
  return randomTokenMask({
    batch,
    tokens: dims.tokens,
    visible: dims.visibleTokens,
    randomFor: () => rng,
    sorted: config.visibleTokenLayout === 'grid',
  });
}

/** Loss of one batch as a tensor, with its named parts kept alive for the caller (who disposes them). */
export function stageLoss(
  detector: Detector,
  batch: BatchTensors,
  stage: TrainingStage,
  mask: TokenMask | null,
  modes: { backbone: ForwardMode; student: ForwardMode },
  parts: Map<string, tf.Scalar>,
): tf.Scalar {
  const { config } = detector;
  const out = detector.forward(batch.input, { mask, ...modes, outputs: { teacher: true, student: stage === 2 } });
  if (stage === 1) {
    const reconstruction = weightedTokenMse(out.teacher as tf.Tensor3D, batch.target, batch.weights);
    parts.set('reconstruction', tf.keep(reconstruction.clone()));
    if (out.classLogits === null) return reconstruction;
    const classification = classificationLoss(out.classLogits, batch.hasAnomaly);
    parts.set('classification', tf.keep(classification.clone()));
    return reconstruction.add(classification.mul(config.loss.classificationWeight));
  }
  const masked = mask === null ? null : tf.tensor2d(mask.masked, [mask.batch, mask.tokens]);
  const distillation = selfDistillationLoss(
    out.student as tf.Tensor3D,
    out.teacher as tf.Tensor3D,
    { weights: batch.weights, masked },
    config.loss.distillation,
  );
  parts.set('distillation', tf.keep(distillation.clone()));
  return distillation;
}

/**
 * Runs forward + backward for the stage's trainable variables, applies the optimiser and the
 * BatchNorm running-statistics updates. Masks and dropout draw from `rng`.
 */
export function trainingStep(
  detector: Detector,
  optimizer: AdamOptimizer,
  batch: BatchTensors,
  stage: TrainingStage,
  rng: SeededRandom,
): StepLosses {
  if (stage === 2 && !detector.hasStudent) {
    throw new ModelError(ModelErrorCode.InvalidConfig, 'stage 2 needs ablation.selfDistillation');
  }
  const entries = detector.parameters.trainable(STAGE_ROLES[stage]);
  const names = new Map(entries.map((e) => [e.variable.name, e.name]));
  const mask = trainingMask(detector, batch.size, rng);
  const updates: BatchNormUpdate[] = [];
  const training: ForwardMode = { training: true, nextDropoutSeed: () => rng.nextUint32(), batchNormUpdates: updates };
  const modes = stage === 1 ? { backbone: training, student: INFERENCE } : { backbone: INFERENCE, student: training };
  const parts = new Map<string, tf.Scalar>();
  let value: tf.Scalar | null = null;
  let grads: tf.NamedTensorMap = {};
  try {
    ({ value, grads } = tf.variableGrads(
      () => stageLoss(detector, batch, stage, mask, modes, parts),
      entries.map((e) => e.variable),
    ));
    const loss = value.dataSync()[0];
    if (!Number.isFinite(loss)) {
      throw new ModelError(ModelErrorCode.TrainingFailed, `stage ${stage} loss became ${loss}; lower the learning rate or check the batch values`);
    }
    const byName = new Map(Object.entries(grads).map(([variableName, g]) => [names.get(variableName) ?? variableName, g]));
    optimizer.apply(byName);
    applyBatchNormUpdates(updates);
    const result: StepLosses = { loss };
    for (const [key, t] of parts) result[key as 'reconstruction' | 'classification' | 'distillation'] = t.dataSync()[0];
    return result;
  } finally {
    tf.dispose([...(value === null ? [] : [value]), ...Object.values(grads), ...parts.values()]);
    for (const u of updates) tf.dispose([u.batchMean, u.batchVariance]);
  }
}
