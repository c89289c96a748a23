// Scores a batch of frames (docs/method.md §7): one inference pass of encoder, teacher, student and
// classifier, then per frame the raw components of eq. 6 as token maps (by channel group) and frame means.
import * as tf from '@tensorflow/tfjs';
import { INFERENCE } from '../blocks/forward-mode';
import { currentFrameChannelOffset } from '../config/model-dimensions';
import type { Detector } from '../detector/detector';
import { patchify } from '../tokens/patchify';
import type { FrameScore } from './frame-score';
import { stackFrames, type FrameInput } from './stack-frames';
import type { TokenMask } from '../masking/token-mask';
import { checkerboardMask, testMask, type TestMasking } from './test-masking';
import { tokenMapsAt, type BatchComponentMaps } from './token-maps';

export interface ScoreOptions {
  /**
   * Default off: every token visible, so that the teacher error measures reconstruction, not inpainting.
   * `complementary` costs two passes and gives every token's maps as predicted while it was masked.
   */
  testMasking?: TestMasking;
}

/** A component's [B, n] token maps by channel group. */
interface ComponentTensors {
  frame: tf.Tensor2D;
  anomalyMap: tf.Tensor2D | null;
}

interface FrameTensors {
  teacherError: ComponentTensors;
  discrepancy: ComponentTensors | null;
  classifier: tf.Tensor1D | null;
  /** [B] frame mean of the predicted anomaly-map channel clipped to [0, 1]. */
  predictedAnomaly: tf.Tensor1D | null;
}

/**
 * Per-token maps [B, n] of each channel group and per-frame scalars [B] for a stacked input tensor. The
 * teacher's target is frame t and, on the anomaly-map channel, 0 (a normal frame); map predictions are
 * clipped to [0, 1], the range of their training target, so that a map below 0 is not counted as anomalous.
 */
export function componentTensors(detector: Detector, input: tf.Tensor4D, masking: TestMasking, firstIndex: number): FrameTensors {
  if (masking.mode !== 'complementary') return componentTensorsUnderMask(detector, input, testMask(detector, masking, firstIndex, input.shape[0]));
  const b = input.shape[0];
  const masks = ([0, 1] as const).map((phase) => checkerboardMask(detector, phase, b));
  const [first, second] = masks.map((mask) => componentTensorsUnderMask(detector, input, mask));
  // [1, n] per pass: 1 where that pass masked the token, so that the token's maps come from it
  const [inFirst, inSecond] = masks.map((mask) => tf.tensor2d(mask.masked.subarray(0, mask.tokens), [1, mask.tokens]));
  const pick = (a: tf.Tensor2D, z: tf.Tensor2D) => a.mul(inFirst).add(z.mul(inSecond)) as tf.Tensor2D;
  const pickNullable = (a: tf.Tensor2D | null, z: tf.Tensor2D | null) => (a === null || z === null ? null : pick(a, z));
  const mergeComponent = (a: ComponentTensors, z: ComponentTensors): ComponentTensors => ({
    frame: pick(a.frame, z.frame),
    anomalyMap: pickNullable(a.anomalyMap, z.anomalyMap),
  });
  const average = (a: tf.Tensor1D | null, z: tf.Tensor1D | null) => (a === null || z === null ? null : (a.add(z).div(2) as tf.Tensor1D));
  return {
    teacherError: mergeComponent(first.teacherError, second.teacherError),
    discrepancy: first.discrepancy === null || second.discrepancy === null ? null : mergeComponent(first.discrepancy, second.discrepancy),
    // frame-level outputs have no token to pick by: the mean of the two passes
    classifier: average(first.classifier, second.classifier),
    predictedAnomaly: average(first.predictedAnomaly, second.predictedAnomaly),
  };
}

/** The components of one forward pass under a given mask (null: every token visible). */
export function componentTensorsUnderMask(detector: Detector, input: tf.Tensor4D, mask: TokenMask | null): FrameTensors {
  const { config, dims } = detector;
  const b = input.shape[0];
  const n = dims.tokens;
  const d = config.patchSize;
  const c = dims.frameChannels;
  const outputs = dims.outputChannels;
  const out = detector.forward(input, {
    mask,
    backbone: INFERENCE,
    student: INFERENCE,
    outputs: { teacher: true, student: detector.hasStudent },
  });
  const frame = input.slice([0, 0, 0, currentFrameChannelOffset(config)], [b, config.inputHeight, config.inputWidth, c]);
  const frameTokens = patchify(frame as tf.Tensor4D, d).reshape([b, n, d * d, c]);
  const split = (tokens: tf.Tensor3D) => {
    const all = tokens.reshape([b, n, d * d, outputs]);
    return { frame: all.slice([0, 0, 0, 0], [b, n, d * d, c]), map: outputs > c ? all.slice([0, 0, 0, c], [b, n, d * d, 1]).clipByValue(0, 1) : null };
  };
  const teacher = split(out.teacher as tf.Tensor3D);
  const teacherError: ComponentTensors = {
    frame: tf.squaredDifference(frameTokens, teacher.frame).mean([2, 3]) as tf.Tensor2D,
    anomalyMap: teacher.map === null ? null : (teacher.map.square().mean([2, 3]) as tf.Tensor2D),
  };
  let discrepancy: ComponentTensors | null = null;
  if (out.student !== null) {
    const student = split(out.student);
    discrepancy = {
      frame: tf.squaredDifference(teacher.frame, student.frame).mean([2, 3]) as tf.Tensor2D,
      anomalyMap: teacher.map === null || student.map === null ? null : (tf.squaredDifference(teacher.map, student.map).mean([2, 3]) as tf.Tensor2D),
    };
  }
  const classifier = out.classLogits === null ? null : tf.sigmoid(out.classLogits);
  const predictedAnomaly = teacher.map === null ? null : (teacher.map.mean([1, 2, 3]) as tf.Tensor1D);
  return { teacherError, discrepancy, classifier, predictedAnomaly };
}

/** Frame mean over all output channels: (c · frame + anomalyMap) / (c + 1), averaged over tokens. */
function channelMean(component: ComponentTensors, c: number): tf.Tensor1D {
  const frameMean = component.frame.mean(1);
  if (component.anomalyMap === null) return frameMean as tf.Tensor1D;
  return frameMean
    .mul(c)
    .add(component.anomalyMap.mean(1))
    .div(c + 1) as tf.Tensor1D;
}

/** Raw components and token maps of frames already stacked as the model input [B, H, W, inputChannels]. */
export async function scoreStackedFrames(detector: Detector, input: tf.Tensor4D, options: ScoreOptions & { firstIndex?: number } = {}): Promise<FrameScore[]> {
  const masking = options.testMasking ?? { mode: 'off' };
  const b = input.shape[0];
  const c = detector.dims.frameChannels;
  const computed = tf.tidy(() => {
    const t = componentTensors(detector, input, masking, options.firstIndex ?? 0);
    const all: Record<string, tf.Tensor | null> = {
      teacherFrame: t.teacherError.frame,
      teacherMap: t.teacherError.anomalyMap,
      discrepancyFrame: t.discrepancy?.frame ?? null,
      discrepancyMap: t.discrepancy?.anomalyMap ?? null,
      teacherError: channelMean(t.teacherError, c),
      discrepancy: t.discrepancy === null ? null : channelMean(t.discrepancy, c),
      classifier: t.classifier,
      predictedAnomaly: t.predictedAnomaly,
    };
    const present: tf.NamedTensorMap = {};
    for (const [k, v] of Object.entries(all)) if (v !== null) present[k] = v;
    return present;
  });
  // Read asynchronously: synchronous reads block on wasm threads and do not exist on WebGPU in Node.
  let values: Record<string, Float32Array>;
  try {
    const keys = Object.keys(computed);
    const read = await Promise.all(keys.map((key) => computed[key].data() as Promise<Float32Array>));
    values = Object.fromEntries(keys.map((key, i) => [key, read[i]]));
  } finally {
    tf.dispose(Object.values(computed));
  }
  const read = (key: string): Float32Array | null => values[key] ?? null;
  const teacherError = read('teacherError') as Float32Array;
  const discrepancy = read('discrepancy');
  const classifier = read('classifier');
  const predictedAnomaly = read('predictedAnomaly');
  const teacherMaps: BatchComponentMaps = { frame: read('teacherFrame') as Float32Array, anomalyMap: read('teacherMap') };
  const discrepancyFrame = read('discrepancyFrame');
  const maps = {
    teacherError: teacherMaps,
    discrepancy: discrepancyFrame === null ? null : { frame: discrepancyFrame, anomalyMap: read('discrepancyMap') },
    width: detector.dims.gridWidth,
    height: detector.dims.gridHeight,
    frameChannels: c,
  };
  return Array.from({ length: b }, (_, i) => ({
    teacherError: teacherError[i],
    discrepancy: discrepancy === null ? null : discrepancy[i],
    classifier: classifier === null ? null : classifier[i],
    predictedAnomaly: predictedAnomaly === null ? null : predictedAnomaly[i],
    maps: tokenMapsAt(maps, i),
  }));
}

/** Raw components and token maps per frame of frames t [B, H, W, c] with their t±3 neighbours. */
export function scoreFrames(detector: Detector, input: FrameInput, options: ScoreOptions = {}): Promise<FrameScore[]> {
  return scoreModelInputs(detector, stackFrames(detector.config, input), input.count, { ...options, firstIndex: input.firstIndex ?? 0 });
}

/** Raw components of `count` inputs laid out as the model input [B, H, W, inputChannels] (a training batch's `input`). */
export async function scoreModelInputs(
  detector: Detector,
  inputs: Float32Array,
  count: number,
  options: ScoreOptions & { firstIndex?: number } = {},
): Promise<FrameScore[]> {
  const { config, dims } = detector;
  const tensor = tf.tensor4d(inputs, [count, config.inputHeight, config.inputWidth, dims.inputChannels]);
  try {
    return await scoreStackedFrames(detector, tensor, options);
  } finally {
    tensor.dispose();
  }
}
