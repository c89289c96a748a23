// Checks a ModelConfig / TrainingConfig before any tensor is made, listing every problem at once,
// so that a bad preset or a hand-edited checkpoint fails with a message saying what to change.
import { ModelError, ModelErrorCode } from '../model.error';
import type { ModelConfig, TrainingConfig } from './model-config';
import { modelDimensions } from './model-dimensions';

const isPositiveInteger = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v > 0;
const isFraction = (v: unknown, allowOne = false): boolean => typeof v === 'number' && v >= 0 && (allowOne ? v <= 1 : v < 1);

export function modelConfigProblems(config: ModelConfig): string[] {
  const problems: string[] = [];
  if (config.formatVersion !== 1) problems.push(`formatVersion must be 1, got ${String(config.formatVersion)}`);
  for (const key of ['inputHeight', 'inputWidth', 'patchSize', 'studentDepth'] as const) {
    if (!isPositiveInteger(config[key])) problems.push(`${key} must be a positive integer, got ${String(config[key])}`);
  }
  if (isPositiveInteger(config.patchSize)) {
    if (config.inputHeight % config.patchSize !== 0 || config.inputWidth % config.patchSize !== 0) {
      problems.push(`inputHeight × inputWidth (${config.inputHeight}×${config.inputWidth}) must be multiples of patchSize ${config.patchSize}`);
    }
  }
  if (config.colour !== 'gray' && config.colour !== 'rgb') problems.push(`colour must be gray or rgb`);
  if (config.temporalInput !== 'single-frame' && config.temporalInput !== 'stack-t3') {
    problems.push(`temporalInput must be single-frame or stack-t3`);
  }
  for (const name of ['encoder', 'decoder'] as const) {
    const stack = config[name];
    if (!isPositiveInteger(stack.width) || !isPositiveInteger(stack.depth) || !isPositiveInteger(stack.heads)) {
      problems.push(`${name}.width, depth and heads must be positive integers`);
    } else if (stack.width % stack.heads !== 0) {
      problems.push(`${name}.heads (${stack.heads}) must divide ${name}.width (${stack.width})`);
    }
  }
  if (!Number.isInteger(config.studentBranchAfter) || config.studentBranchAfter < 0 || config.studentBranchAfter >= config.decoder.depth) {
    problems.push(`studentBranchAfter must be in [0, decoder.depth − 1], got ${config.studentBranchAfter}`);
  }
  if (!(config.mlpRatio > 0) || !Number.isInteger(config.mlpRatio * config.encoder.width) || !Number.isInteger(config.mlpRatio * config.decoder.width)) {
    problems.push(`mlpRatio × width must be a positive integer, got mlpRatio ${config.mlpRatio}`);
  }
  if (!isFraction(config.dropoutRate)) problems.push(`dropoutRate must be in [0, 1), got ${config.dropoutRate}`);
  if (!isFraction(config.maskRatio)) problems.push(`maskRatio must be in [0, 1), got ${config.maskRatio}`);
  if (!(config.layerNormEpsilon > 0) || !(config.batchNormEpsilon > 0)) problems.push(`norm epsilons must be > 0`);
  if (!isFraction(config.batchNormMomentum, true)) problems.push(`batchNormMomentum must be in [0, 1]`);
  if (config.attentionScale !== 'full-width' && config.attentionScale !== 'head-width') {
    problems.push(`attentionScale must be full-width or head-width`);
  }
  if (config.visibleTokenLayout !== 'grid' && config.visibleTokenLayout !== 'packed') {
    problems.push(`visibleTokenLayout must be grid or packed`);
  }
  if (config.visibleTokenLayout === 'packed') {
    const dims = modelDimensions(config);
    if (!config.encoderVisibleOnly) problems.push(`visibleTokenLayout packed needs encoderVisibleOnly`);
    else if (dims.gridHeight > 0 && dims.visibleTokens % dims.gridHeight !== 0) {
      problems.push(
        `visibleTokenLayout packed needs the ${dims.visibleTokens} visible tokens to fill whole rows of ${dims.gridHeight}: choose maskRatio so that n(1−r) is a multiple of h/d`,
      );
    }
  }
  const { ablation, loss } = config;
  if (ablation.anomalyMaps && !ablation.syntheticData) problems.push(`ablation.anomalyMaps needs ablation.syntheticData`);
  if (ablation.classificationHead && !ablation.syntheticData) {
    problems.push(`ablation.classificationHead needs ablation.syntheticData (its label is "has a synthetic anomaly")`);
  }
  if (loss.distillation !== 'weighted-all-tokens' && loss.distillation !== 'unweighted-masked-tokens') {
    problems.push(`loss.distillation must be weighted-all-tokens or unweighted-masked-tokens`);
  }
  if (loss.distillation === 'unweighted-masked-tokens' && !(config.maskRatio > 0)) {
    problems.push(`loss.distillation unweighted-masked-tokens needs maskRatio > 0`);
  }
  if (!(loss.classificationWeight >= 0)) problems.push(`loss.classificationWeight must be ≥ 0`);
  return problems;
}

export function trainingConfigProblems(training: TrainingConfig): string[] {
  const problems: string[] = [];
  for (const key of ['teacherEpochs', 'studentEpochs'] as const) {
    if (!Number.isInteger(training[key]) || training[key] < 0) problems.push(`${key} must be an integer ≥ 0`);
  }
  if (!isPositiveInteger(training.batchSize)) problems.push(`batchSize must be a positive integer`);
  const o = training.optimizer;
  if (o.kind !== 'adam' && o.kind !== 'adamw') problems.push(`optimizer.kind must be adam or adamw`);
  if (!(o.learningRate > 0)) problems.push(`optimizer.learningRate must be > 0`);
  if (!isFraction(o.beta1) || !isFraction(o.beta2)) problems.push(`optimizer betas must be in [0, 1)`);
  if (!(o.epsilon > 0)) problems.push(`optimizer.epsilon must be > 0`);
  if (!(o.weightDecay >= 0)) problems.push(`optimizer.weightDecay must be ≥ 0`);
  if (o.kind === 'adam' && o.weightDecay !== 0) problems.push(`optimizer.weightDecay needs kind adamw`);
  if (o.schedule !== undefined) {
    const { warmupSteps, decay, finalFactor } = o.schedule;
    if (!Number.isInteger(warmupSteps) || warmupSteps < 0) problems.push(`optimizer.schedule.warmupSteps must be an integer ≥ 0`);
    if (decay !== 'constant' && decay !== 'cosine') problems.push(`optimizer.schedule.decay must be constant or cosine`);
    if (!(finalFactor >= 0 && finalFactor <= 1)) problems.push(`optimizer.schedule.finalFactor must be in [0, 1]`);
  }
  if (training.checkpointSelection !== 'last-epoch' && training.checkpointSelection !== 'validation-loss') {
    problems.push(`checkpointSelection must be last-epoch or validation-loss`);
  }
  return problems;
}

export function assertValidModelConfig(config: ModelConfig): void {
  const problems = modelConfigProblems(config);
  if (problems.length > 0) throw new ModelError(ModelErrorCode.InvalidConfig, `invalid model config: ${problems.join('; ')}`);
}

export function assertValidTrainingConfig(training: TrainingConfig): void {
  const problems = trainingConfigProblems(training);
  if (problems.length > 0) throw new ModelError(ModelErrorCode.InvalidConfig, `invalid training config: ${problems.join('; ')}`);
}
