// One optimisation step of either stage (docs/method.md §5).
// Stage 1 trains encoder, teacher decoder and classifier on L_wMSE (eq. 3) + BCE (eq. 5).
// Stage 2 trains the student branch only on L_SD (eq. 4); everything shared is frozen and runs in
// inference mode (running BatchNorm statistics, no dropout) so that its outputs stay fixed — the code
// leaves the frozen BatchNorms in training mode, which lets their statistics drift during stage 2.
import * as tf from '@tensorflow/tfjs';
import { applyBatchNormUpdates } from '../blocks/batch-norm';
import { INFERENCE, type BatchNormUpdate, type BatchShard, type CrossReplicaSum, type ForwardMode } from '../blocks/forward-mode';
import { Detector, STAGE_ROLES } from '../detector/detector';
import { randomTokenMask, sliceTokenMask, type TokenMask } from '../masking/token-mask';
import { ModelError, ModelErrorCode } from '../model.error';
import type { SeededRandom } from '@vad/data/random';
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
 * One replica's share of a data-parallel step: samples [shard.offset, shard.offset + shard.size) of a
 * batch of shard.total, with a channel to the other replicas. Every replica holds the same weights,
 * optimiser state and random stream, draws the whole batch's mask and dropout noise and keeps its rows,
 * normalises with whole-batch BatchNorm statistics, and adds up the gradients of
 * (share/total)·(its mean loss) with the others' — exactly the gradient of the whole batch's mean loss,
 * so every replica applies the same update as a single-replica step would (up to rounding).
 */
export interface ReplicaShare {
  shard: BatchShard;
  channel: CrossReplicaSum;
}

const LOSS_PARTS = ['reconstruction', 'classification', 'distillation'] as const;

/** Gradients of all replicas added up, in the order of `entries` (the same on every replica). */
async function summedGradients(grads: tf.NamedTensorMap, entries: readonly { variable: tf.Variable }[], channel: CrossReplicaSum): Promise<tf.Tensor[]> {
  const local = new Float32Array(entries.reduce((n, e) => n + e.variable.size, 0));
  let at = 0;
  for (const e of entries) {
    const g = grads[e.variable.name];
    if (g !== undefined) local.set((await g.data()) as Float32Array, at);
    at += e.variable.size;
  }
  const total = channel.sum(local);
  at = 0;
  return entries.map((e) => {
    const values = Float32Array.from(total.subarray(at, at + e.variable.size));
    at += e.variable.size;
    return tf.tensor(values, e.variable.shape, 'float32');
  });
}

/**
 * Runs forward + backward for the stage's trainable variables, applies the optimiser and the
 * BatchNorm running-statistics updates. Masks and dropout draw from `rng`. With `replica`, the batch
 * is this replica's share of a larger one (see ReplicaShare); the losses returned are the whole batch's.
 */
export async function trainingStep(
  detector: Detector,
  optimizer: AdamOptimizer,
  batch: BatchTensors,
  stage: TrainingStage,
  rng: SeededRandom,
  replica?: ReplicaShare,
): Promise<StepLosses> {
  if (stage === 2 && !detector.hasStudent) {
    throw new ModelError(ModelErrorCode.InvalidConfig, 'stage 2 needs ablation.selfDistillation');
  }
  if (replica !== undefined && replica.shard.size !== batch.size) {
    throw new ModelError(ModelErrorCode.ShapeMismatch, `the replica's share has ${replica.shard.size} samples, its batch ${batch.size}`);
  }
  const entries = detector.parameters.trainable(STAGE_ROLES[stage]);
  const names = new Map(entries.map((e) => [e.variable.name, e.name]));
  const wholeBatchMask = trainingMask(detector, replica?.shard.total ?? batch.size, rng);
  const mask = replica === undefined || wholeBatchMask === null ? wholeBatchMask : sliceTokenMask(wholeBatchMask, replica.shard.offset, replica.shard.size);
  const updates: BatchNormUpdate[] = [];
  const training: ForwardMode = {
    training: true,
    nextDropoutSeed: () => rng.nextUint32(),
    batchNormUpdates: updates,
    ...(replica === undefined ? {} : { shard: replica.shard, replicas: replica.channel }),
  };
  const modes = stage === 1 ? { backbone: training, student: INFERENCE } : { backbone: INFERENCE, student: training };
  const share = replica === undefined ? 1 : replica.shard.size / replica.shard.total;
  const parts = new Map<string, tf.Scalar>();
  let value: tf.Scalar | null = null;
  let grads: tf.NamedTensorMap = {};
  let summed: tf.Tensor[] = [];
  try {
    ({ value, grads } = tf.variableGrads(
      () => {
        const loss = stageLoss(detector, batch, stage, mask, modes, parts);
        return share === 1 ? loss : loss.mul(share);
      },
      entries.map((e) => e.variable),
    ));
    // read asynchronously: WebGPU in Node has no synchronous read
    const scalar = async (t: tf.Scalar) => (await t.data())[0];
    const local = [
      await scalar(value),
      ...(await Promise.all(LOSS_PARTS.map(async (key) => (parts.has(key) ? (await scalar(parts.get(key) as tf.Scalar)) * share : 0)))),
    ];
    const losses = replica === undefined ? local : Array.from(replica.channel.sum(Float64Array.from(local)));
    const loss = losses[0];
    if (!Number.isFinite(loss)) {
      throw new ModelError(ModelErrorCode.TrainingFailed, `stage ${stage} loss became ${loss}; lower the learning rate or check the batch values`);
    }
    let byName: Map<string, tf.Tensor>;
    if (replica === undefined) {
      byName = new Map(Object.entries(grads).map(([variableName, g]) => [names.get(variableName) ?? variableName, g]));
    } else {
      summed = await summedGradients(grads, entries, replica.channel);
      byName = new Map(entries.map((e, i) => [e.name, summed[i]]));
    }
    optimizer.apply(byName);
    applyBatchNormUpdates(updates);
    const result: StepLosses = { loss };
    LOSS_PARTS.forEach((key, i) => {
      if (parts.has(key)) result[key] = losses[i + 1];
    });
    return result;
  } finally {
    tf.dispose(summed);
    tf.dispose([...(value === null ? [] : [value]), ...Object.values(grads), ...parts.values()]);
    for (const u of updates) tf.dispose([u.batchMean, u.batchVariance]);
  }
}
