// Exports a detector's inference graph to ONNX (issue 8): the tfjs forward pass of scoreFrames with
// test-time masking off (every token visible — seeded masking stays tfjs-only: its per-frame random
// gathers would have to be graph inputs), ending in the raw components of eq. 6.
// Inputs: `frames` [B, H, W, c] and, for stack-t3 models, `previous` (t−3) and `next` (t+3); the caller
// passes frame t where a neighbour is missing, as stackFrames does. Outputs: the token maps of each
// component's channel groups [B, H/d, W/d] (teacher_error_map, teacher_anomaly_map_error, discrepancy_map,
// discrepancy_anomaly_map), the components' frame means teacher_error and discrepancy [B], classifier [B]
// (with the head) and predicted_anomaly [B] (with the map channel).
// Inference-only rewrites: BatchNorm folded into the depthwise kernels, the patch embedding and the
// 1×1 MLP convolutions as matrix products (the same sums as the tfjs ops).
import type { ModelConfig } from '../config/model-config';
import { currentFrameChannelOffset } from '../config/model-dimensions';
import type { NamedArray } from '../checkpoints/named-array';
import type { Detector } from '../detector/detector';
import { attr, OnnxGraphBuilder } from './onnx-graph-builder';
import { encodeOnnxModel, type OnnxModel } from './onnx-model.proto';

/** Opset 17 has LayerNormalization; IR version 8 is the one that goes with it. */
const OPSET_VERSION = 17;
const IR_VERSION = 8;
const BATCH = 'batch';

/** Names of the graph outputs, by FrameScore field. */
export const ONNX_OUTPUT_NAMES = {
  teacherError: 'teacher_error',
  discrepancy: 'discrepancy',
  classifier: 'classifier',
  predictedAnomaly: 'predicted_anomaly',
  /** [B, H/d, W/d] per token: TokenMaps.teacherError.frame, .anomalyMap, discrepancy.frame, .anomalyMap. */
  teacherErrorMap: 'teacher_error_map',
  teacherAnomalyMapError: 'teacher_anomaly_map_error',
  discrepancyMap: 'discrepancy_map',
  discrepancyAnomalyMap: 'discrepancy_anomaly_map',
} as const;

/** Metadata keys stored in the file next to the graph. */
export const ONNX_METADATA_KEYS = { modelConfig: 'vad.model_config', testMasking: 'vad.test_masking', outputs: 'vad.outputs' } as const;

/**
 * What the outputs mean; an export with another value (or none) is stale and exported again. 2: token maps
 * by channel group (frame channels, clipped anomaly-map channel), frame means over all c + 1 channels.
 */
export const ONNX_OUTPUTS_VERSION = '2';

/** Writes the detector's layers as ONNX nodes; mirrors the tfjs classes in blocks/. */
class DetectorGraphWriter {
  private readonly config: ModelConfig;

  /** `values`: every parameter's current values by name, read before the graph is written (reads are asynchronous). */
  constructor(
    private readonly g: OnnxGraphBuilder,
    private readonly detector: Detector,
    private readonly values: ReadonlyMap<string, NamedArray>,
  ) {
    this.config = detector.config;
  }

  private read(name: string): NamedArray {
    const array = this.values.get(name);
    if (array === undefined) throw new Error(`no parameter ${name}`);
    return array;
  }

  /** A parameter's current values as an initializer with its tfjs shape. */
  param(name: string, dims?: number[]): string {
    const array = this.read(name);
    return this.g.weight(name, Float32Array.from(array.values), dims ?? [...array.shape]);
  }

  linear(x: string, name: string): string {
    return this.g.op('Add', [this.g.op('MatMul', [x, this.param(`${name}/kernel`)]), this.param(`${name}/bias`)]);
  }

  layerNorm(x: string, name: string): string {
    return this.g.op('LayerNormalization', [x, this.param(`${name}/gamma`), this.param(`${name}/beta`)], {
      axis: attr.int(-1),
      epsilon: attr.float(this.config.layerNormEpsilon),
    });
  }

  slice(x: string, axis: number, start: number, end: number): string {
    return this.g.op('Slice', [x, this.g.int64s([start]), this.g.int64s([end]), this.g.int64s([axis])]);
  }

  reshape(x: string, shape: number[]): string {
    return this.g.op('Reshape', [x, this.g.int64s(shape)]);
  }

  transpose(x: string, perm: number[]): string {
    return this.g.op('Transpose', [x], { perm: attr.ints(perm) });
  }

  /** Depthwise 3×3 convolution ('same') followed by inference BatchNorm, folded into one grouped Conv. */
  private depthwiseWithBatchNorm(gridNchw: string, name: string, width: number): string {
    const kernel = this.read(`${name}/depthwise_kernel`).values;
    const bn = (field: string) => this.read(`${name}/batch_norm/${field}`).values;
    const [gamma, beta, mean, variance] = [bn('gamma'), bn('beta'), bn('running_mean'), bn('running_variance')];
    const folded = new Float32Array(width * 9);
    const bias = new Float32Array(width);
    for (let c = 0; c < width; c++) {
      const scale = gamma[c] / Math.sqrt(variance[c] + this.config.batchNormEpsilon);
      bias[c] = beta[c] - mean[c] * scale;
      // tfjs [3, 3, C, 1] → ONNX [C, 1, 3, 3].
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) folded[c * 9 + i * 3 + j] = kernel[(i * 3 + j) * width + c] * scale;
    }
    const w = this.g.weight(`${name}/depthwise_batch_norm_folded/kernel`, folded, [width, 1, 3, 3]);
    const b = this.g.weight(`${name}/depthwise_batch_norm_folded/bias`, bias, [width]);
    return this.g.op('Conv', [gridNchw, w, b], { group: attr.int(width), kernel_shape: attr.ints([3, 3]), pads: attr.ints([1, 1, 1, 1]) });
  }

  /** ConvAttention.apply on x [B, 1 + n, C] (full-grid layout: masking off). */
  attention(x: string, name: string, width: number, heads: number): string {
    const { gridHeight: gh, gridWidth: gw, tokens: n } = this.detector.dims;
    const t = n + 1;
    const headWidth = width / heads;
    const cls = this.slice(x, 1, 0, 1);
    const grid = this.transpose(this.reshape(this.slice(x, 1, 1, t), [-1, gh, gw, width]), [0, 3, 1, 2]);
    const [q, k, v] = (['q', 'k', 'v'] as const).map((p, i) => {
      const conv = this.depthwiseWithBatchNorm(grid, `${name}/${p}`, width);
      const tokens = this.reshape(this.transpose(conv, [0, 2, 3, 1]), [-1, n, width]);
      const projected = this.linear(this.g.op('Concat', [cls, tokens], { axis: attr.int(1) }), `${name}/${p}/linear`);
      // k goes straight to [B, heads, headWidth, T] for q·kᵀ.
      return this.transpose(this.reshape(projected, [-1, t, heads, headWidth]), i === 1 ? [0, 2, 3, 1] : [0, 2, 1, 3]);
    });
    const scale = this.config.attentionScale === 'full-width' ? width ** -0.5 : headWidth ** -0.5;
    const weights = this.g.op('Softmax', [this.g.op('Mul', [this.g.op('MatMul', [q, k]), this.g.scalar(scale)])], { axis: attr.int(-1) });
    const attended = this.reshape(this.transpose(this.g.op('MatMul', [weights, v]), [0, 2, 1, 3]), [-1, t, width]);
    return this.linear(attended, `${name}/output`);
  }

  /** PointwiseConvMlp.apply (inference: no dropout); GELU written out with Erf (Gelu is opset 20). */
  mlp(x: string, name: string, width: number): string {
    const t = this.detector.dims.tokens + 1;
    const hidden = this.config.mlpRatio * width;
    const bypass = this.config.clsBypassesMlp;
    const tokens = bypass ? this.slice(x, 1, 1, t) : x;
    const h = this.g.op('Add', [this.g.op('MatMul', [tokens, this.param(`${name}/conv1/kernel`, [width, hidden])]), this.param(`${name}/conv1/bias`)]);
    const erf = this.g.op('Erf', [this.g.op('Mul', [h, this.g.scalar(Math.SQRT1_2)])]);
    const gelu = this.g.op('Mul', [this.g.op('Mul', [h, this.g.scalar(0.5)]), this.g.op('Add', [erf, this.g.scalar(1)])]);
    const y = this.g.op('Add', [this.g.op('MatMul', [gelu, this.param(`${name}/conv2/kernel`, [hidden, width])]), this.param(`${name}/conv2/bias`)]);
    return bypass ? this.g.op('Concat', [this.slice(x, 1, 0, 1), y], { axis: attr.int(1) }) : y;
  }

  /** CvtBlock.apply: pre-norm residual attention, then pre-norm residual MLP. */
  cvtBlock(x: string, name: string, width: number, heads: number): string {
    const afterAttention = this.g.op('Add', [x, this.attention(this.layerNorm(x, `${name}/norm1`), `${name}/attention`, width, heads)]);
    return this.g.op('Add', [afterAttention, this.mlp(this.layerNorm(afterAttention, `${name}/norm2`), `${name}/mlp`, width)]);
  }

  /** Mean of d² over each token's pixels and channels: [B, n, d·d, c] → [B, n]. */
  tokenMeanSquare(diff: string): string {
    return this.g.op('ReduceMean', [this.g.op('Mul', [diff, diff])], { axes: attr.ints([2, 3]), keepdims: attr.int(0) });
  }

  /** [B, n] → [B]: tokens cover equal areas, so the mean of token means is the pixel mean. */
  meanOverTokens(perToken: string): string {
    return this.g.op('ReduceMean', [perToken], { axes: attr.ints([1]), keepdims: attr.int(0) });
  }
}

/** The inference graph as plain data (see encodeOnnxModel for the bytes). */
export async function onnxInferenceModel(detector: Detector): Promise<OnnxModel> {
  const values = new Map((await detector.parameters.snapshot()).map((array) => [array.name, array]));
  const { config, dims } = detector;
  const g = new OnnxGraphBuilder();
  const w = new DetectorGraphWriter(g, detector, values);
  const { inputHeight: h, inputWidth: wd, patchSize: d } = config;
  const { gridHeight: gh, gridWidth: gw, tokens: n, frameChannels: c, inputChannels: cin, outputChannels: oc } = dims;
  const e = config.encoder.width;
  const dw = config.decoder.width;
  const t = n + 1;

  const frameShape = [BATCH, h, wd, c];
  const frames = g.input('frames', frameShape);
  const input =
    config.temporalInput === 'stack-t3'
      ? g.op('Concat', [g.input('previous', frameShape), frames, g.input('next', frameShape)], { axis: attr.int(3) })
      : frames;

  // Patch embedding: a d×d stride-d convolution is the product of the patchified input with the
  // kernel flattened in (row, column, channel) order — the order of tokens/patchify.ts.
  const patches = w.reshape(w.transpose(w.reshape(input, [-1, gh, d, gw, d, cin]), [0, 1, 3, 2, 4, 5]), [-1, n, d * d * cin]);
  const embedded = g.op('Add', [
    g.op('MatMul', [patches, w.param('encoder/patch_embedding/kernel', [d * d * cin, e])]),
    w.param('encoder/patch_embedding/bias'),
  ]);
  const tokens = w.layerNorm(embedded, 'encoder/patch_embedding/norm');
  const batch = g.op('Shape', [input], { start: attr.int(0), end: attr.int(1) });
  const cls = g.op('Expand', [w.param('encoder/cls_token'), g.op('Concat', [batch, g.int64s([1, e])], { axis: attr.int(0) })]);
  let x = g.op('Concat', [cls, tokens], { axis: attr.int(1) });
  for (let i = 0; i < config.encoder.depth; i++) x = w.cvtBlock(x, `encoder/block${i}`, e, config.encoder.heads);
  x = w.layerNorm(x, 'encoder/norm');

  let y = w.linear(x, 'decoder/embedding');
  for (let i = 0; i < config.studentBranchAfter; i++) y = w.cvtBlock(y, `decoder/block${i}`, dw, config.decoder.heads);
  let teacher = y;
  for (let i = config.studentBranchAfter; i < config.decoder.depth; i++) teacher = w.cvtBlock(teacher, `decoder/block${i}`, dw, config.decoder.heads);
  // Per-token predictions as [B, n, d·d, outputChannels]: the pixel means of scoreFrames are means over these.
  const headTokens = (z: string, norm: string, head: string) => w.reshape(w.slice(w.linear(w.layerNorm(z, norm), head), 1, 1, t), [-1, n, d * d, oc]);
  const teacherTokens = headTokens(teacher, 'teacher/norm', 'teacher/head');
  const reconstruction = w.slice(teacherTokens, 3, 0, c);
  const offset = currentFrameChannelOffset(config);
  const frameTokens = w.slice(w.reshape(patches, [-1, n, d * d, cin]), 3, offset, offset + c);
  // Map predictions clipped to [0, 1] (the range of their target), as scoreFrames does.
  const mapOf = (tokens: string) => (oc > c ? g.op('Clip', [w.slice(tokens, 3, c, oc), g.scalar(0), g.scalar(1)]) : null);
  const grid = (tokenValues: string) => w.reshape(tokenValues, [-1, gh, gw]);
  /** Frame mean over all output channels: (c · frame + map) / (c + 1), averaged over tokens. */
  const channelMean = (frame: string, map: string | null) =>
    w.meanOverTokens(map === null ? frame : g.op('Div', [g.op('Add', [g.op('Mul', [frame, g.scalar(c)]), map]), g.scalar(c + 1)]));
  // Against frame t and a zero anomaly map: the map channel's error is the predicted map itself.
  const teacherMap = mapOf(teacherTokens);
  const teacherFrameError = w.tokenMeanSquare(g.op('Sub', [frameTokens, reconstruction]));
  const teacherMapError = teacherMap === null ? null : w.tokenMeanSquare(teacherMap);
  g.output(ONNX_OUTPUT_NAMES.teacherError, channelMean(teacherFrameError, teacherMapError), [BATCH]);
  g.output(ONNX_OUTPUT_NAMES.teacherErrorMap, grid(teacherFrameError), [BATCH, gh, gw]);
  if (teacherMapError !== null) g.output(ONNX_OUTPUT_NAMES.teacherAnomalyMapError, grid(teacherMapError), [BATCH, gh, gw]);

  if (detector.hasStudent) {
    let s = y;
    for (let i = 0; i < config.studentDepth; i++) s = w.cvtBlock(s, `student/block${i}`, dw, config.decoder.heads);
    const student = headTokens(s, 'student/norm', 'student/head');
    const studentMap = mapOf(student);
    const frameDiscrepancy = w.tokenMeanSquare(g.op('Sub', [reconstruction, w.slice(student, 3, 0, c)]));
    const mapDiscrepancy = teacherMap === null || studentMap === null ? null : w.tokenMeanSquare(g.op('Sub', [teacherMap, studentMap]));
    g.output(ONNX_OUTPUT_NAMES.discrepancy, channelMean(frameDiscrepancy, mapDiscrepancy), [BATCH]);
    g.output(ONNX_OUTPUT_NAMES.discrepancyMap, grid(frameDiscrepancy), [BATCH, gh, gw]);
    if (mapDiscrepancy !== null) g.output(ONNX_OUTPUT_NAMES.discrepancyAnomalyMap, grid(mapDiscrepancy), [BATCH, gh, gw]);
  }
  if (detector.hasClassifier) {
    const logits = w.reshape(w.linear(w.slice(x, 1, 0, 1), 'classifier/head'), [-1]);
    g.output(ONNX_OUTPUT_NAMES.classifier, g.op('Sigmoid', [logits]), [BATCH]);
  }
  if (teacherMap !== null) {
    g.output(ONNX_OUTPUT_NAMES.predictedAnomaly, g.op('ReduceMean', [teacherMap], { axes: attr.ints([1, 2, 3]), keepdims: attr.int(0) }), [BATCH]);
  }
  return g.build({
    irVersion: IR_VERSION,
    opsetVersion: OPSET_VERSION,
    producerName: '@vad/model',
    producerVersion: '0.1.0',
    docString: 'Self-distilled masked auto-encoder, inference graph with test-time masking off: per-frame raw components of eq. 6.',
    metadata: {
      [ONNX_METADATA_KEYS.modelConfig]: JSON.stringify(config),
      [ONNX_METADATA_KEYS.testMasking]: 'off',
      [ONNX_METADATA_KEYS.outputs]: ONNX_OUTPUTS_VERSION,
    },
    graphName: 'vad_detector_inference',
  });
}

/** The `.onnx` bytes of the detector's inference graph (masking off). */
export async function exportOnnx(detector: Detector): Promise<Uint8Array> {
  return encodeOnnxModel(await onnxInferenceModel(detector));
}
