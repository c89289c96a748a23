// Analytic size and cost of the detector (docs/method.md §3: "about 3M parameters, 0.8 GFLOPs per frame").
// Parameters are counted as PyTorch does: trainable values only (BatchNorm running statistics excluded).
// FLOPs count 2 per multiply–add of convolutions, linear layers and attention products; norms,
// softmax, GELU and element-wise ops are left out, as in the usual MAC counters (e.g. CvT's compute_macs).
import type { ModelConfig } from './model-config';
import { modelDimensions } from './model-dimensions';

/** Trainable values of one CvT block of width C (pre-norm, depthwise-conv q/k/v, pointwise MLP). */
export function cvtBlockParameters(width: number, mlpRatio: number): number {
  const c = width;
  const hidden = mlpRatio * c;
  const layerNorms = 2 * (2 * c);
  const convProjection = 9 * c + 2 * c; // depthwise 3×3 without bias + BatchNorm γ, β
  const linear = c * c + c;
  const attention = 3 * (convProjection + linear) + linear; // q, k, v + output projection
  const mlp = c * hidden + hidden + hidden * c + c; // two 1×1 convolutions with bias
  return layerNorms + attention + mlp;
}

export interface ParameterBreakdown {
  patchEmbedding: number;
  encoder: number;
  decoder: number;
  teacherHead: number;
  student: number;
  classifier: number;
  total: number;
}

export function parameterBreakdown(config: ModelConfig): ParameterBreakdown {
  const dims = modelDimensions(config);
  const d = config.patchSize;
  const e = config.encoder.width;
  const w = config.decoder.width;
  const p = dims.valuesPerToken;
  const patchEmbedding = d * d * dims.inputChannels * e + e + 2 * e;
  const encoder = e /* [CLS] */ + config.encoder.depth * cvtBlockParameters(e, config.mlpRatio) + 2 * e;
  const decoder = e * w + w /* embedding */ + w /* mask token */ + config.decoder.depth * cvtBlockParameters(w, config.mlpRatio);
  const head = 2 * w + w * p + p;
  const student = config.ablation.selfDistillation ? config.studentDepth * cvtBlockParameters(w, config.mlpRatio) + head : 0;
  const classifier = config.ablation.classificationHead ? e + 1 : 0;
  const total = patchEmbedding + encoder + decoder + head + student + classifier;
  return { patchEmbedding, encoder, decoder, teacherHead: head, student, classifier, total };
}

export function countParameters(config: ModelConfig): number {
  return parameterBreakdown(config).total;
}

/** Multiply–adds of one CvT block over `tokens` tokens (incl. [CLS]) whose convolutions cover `convPositions`. */
function cvtBlockMacs(config: ModelConfig, width: number, tokens: number, convPositions: number): number {
  const c = width;
  const depthwise = 3 * 9 * c * convPositions;
  const projections = 4 * tokens * c * c;
  const attention = 2 * tokens * tokens * c;
  const mlpTokens = config.clsBypassesMlp ? tokens - 1 : tokens;
  const mlp = 2 * mlpTokens * c * (config.mlpRatio * c);
  return depthwise + projections + attention + mlp;
}

export interface CostOptions {
  /** Test-time masking on (the code's default) or off (all tokens visible). Default: on. */
  testMasking?: boolean;
}

/** Multiply–adds of one inference forward pass (encoder, teacher, student, classifier) for one frame. */
export function macsPerFrame(config: ModelConfig, options: CostOptions = {}): number {
  const dims = modelDimensions(config);
  const n = dims.tokens;
  const masking = (options.testMasking ?? true) && config.maskRatio > 0;
  const encoderTokens = masking && config.encoderVisibleOnly ? dims.visibleTokens : n;
  // grid layout: the depthwise convolutions run over the whole grid (zeros at masked positions).
  const encoderConvPositions = masking && config.visibleTokenLayout === 'packed' ? dims.visibleTokens : n;
  const e = config.encoder.width;
  const w = config.decoder.width;
  let macs = n * config.patchSize * config.patchSize * dims.inputChannels * e;
  macs += config.encoder.depth * cvtBlockMacs(config, e, encoderTokens + 1, encoderConvPositions);
  macs += (encoderTokens + 1) * e * w;
  macs += config.decoder.depth * cvtBlockMacs(config, w, n + 1, n);
  macs += n * w * dims.valuesPerToken;
  if (config.ablation.selfDistillation) {
    macs += config.studentDepth * cvtBlockMacs(config, w, n + 1, n) + n * w * dims.valuesPerToken;
  }
  if (config.ablation.classificationHead) macs += e;
  return macs;
}

/** GFLOPs (2 FLOPs per multiply–add) of one inference forward pass for one frame. */
export function gflopsPerFrame(config: ModelConfig, options: CostOptions = {}): number {
  return (2 * macsPerFrame(config, options)) / 1e9;
}
