// Scores a batch of frames (METHOD.md §7): one inference pass of encoder, teacher, student and
// classifier, then per frame the raw components of eq. 6 as token maps and frame means.
import * as tf from '@tensorflow/tfjs';
import { INFERENCE } from '../blocks/forward-mode';
import { currentFrameChannelOffset } from '../config/model-dimensions';
import type { Detector } from '../detector/detector';
import { patchify } from '../tokens/patchify';
import type { FrameScore } from './frame-score';
import { stackFrames, type FrameInput } from './stack-frames';
import { testMask, type TestMasking } from './test-masking';
import { tokenMapsAt } from './token-maps';

export interface ScoreOptions {
  /** Default off: every token visible, so that the teacher error measures reconstruction, not inpainting. */
  testMasking?: TestMasking;
}

interface ComponentTensors {
  /** [B, n] teacher error per token over the c + 1 output channels (target: frame t and a zero map). */
  teacherError: tf.Tensor2D;
  /** [B, n] teacher–student discrepancy per token over the c + 1 channels. */
  discrepancy: tf.Tensor2D | null;
  classifier: tf.Tensor1D | null;
  /** [B] frame mean of the predicted anomaly-map channel clipped to [0, 1]. */
  predictedAnomaly: tf.Tensor1D | null;
}

/** Per-token component maps [B, n] and per-frame scalars [B] for a stacked input tensor. */
export function componentTensors(detector: Detector, input: tf.Tensor4D, masking: TestMasking, firstIndex: number): ComponentTensors {
  const { config, dims } = detector;
  const b = input.shape[0];
  const n = dims.tokens;
  const d = config.patchSize;
  const c = dims.frameChannels;
  const outputs = dims.outputChannels;
  const mask = testMask(detector, masking, firstIndex, b);
  const out = detector.forward(input, {
    mask,
    backbone: INFERENCE,
    student: INFERENCE,
    outputs: { teacher: true, student: detector.hasStudent },
  });
  const frame = input.slice([0, 0, 0, currentFrameChannelOffset(config)], [b, config.inputHeight, config.inputWidth, c]);
  const teacher = (out.teacher as tf.Tensor3D).reshape([b, n, d * d, outputs]);
  // The target of every output channel: frame t, then 0 on the anomaly-map channel (a normal frame).
  const frameTokens = patchify(frame as tf.Tensor4D, d).reshape([b, n, d * d, c]);
  const target = outputs > c ? tf.concat([frameTokens, tf.zeros([b, n, d * d, outputs - c])], 3) : frameTokens;
  const teacherError = tf.squaredDifference(target, teacher).mean([2, 3]) as tf.Tensor2D;
  const discrepancy =
    out.student === null ? null : (tf.squaredDifference(teacher, out.student.reshape([b, n, d * d, outputs])).mean([2, 3]) as tf.Tensor2D);
  const classifier = out.classLogits === null ? null : tf.sigmoid(out.classLogits);
  const predictedAnomaly = config.ablation.anomalyMaps
    ? (teacher.slice([0, 0, 0, c], [b, n, d * d, 1]).clipByValue(0, 1).mean([1, 2, 3]) as tf.Tensor1D)
    : null;
  return { teacherError, discrepancy, classifier, predictedAnomaly };
}

/** Raw components and token maps of frames already stacked as the model input [B, H, W, inputChannels]. */
export function scoreStackedFrames(detector: Detector, input: tf.Tensor4D, options: ScoreOptions & { firstIndex?: number } = {}): FrameScore[] {
  const masking = options.testMasking ?? { mode: 'off' };
  const b = input.shape[0];
  type Key = 'teacherMap' | 'discrepancyMap' | 'teacherError' | 'discrepancy' | 'classifier' | 'predictedAnomaly';
  const computed = tf.tidy(() => {
    const t = componentTensors(detector, input, masking, options.firstIndex ?? 0);
    const all: Record<Key, tf.Tensor | null> = {
      teacherMap: t.teacherError,
      discrepancyMap: t.discrepancy,
      teacherError: t.teacherError.mean(1),
      discrepancy: t.discrepancy?.mean(1) ?? null,
      classifier: t.classifier,
      predictedAnomaly: t.predictedAnomaly,
    };
    const present: Partial<Record<Key, tf.Tensor>> = {};
    for (const [k, v] of Object.entries(all)) if (v !== null) present[k as Key] = v;
    return present as tf.NamedTensorMap;
  }) as Partial<Record<Key, tf.Tensor>>;
  const read = (t: tf.Tensor | undefined) => (t === undefined ? null : (t.dataSync() as Float32Array));
  const teacherError = read(computed.teacherError) as Float32Array;
  const discrepancy = read(computed.discrepancy);
  const classifier = read(computed.classifier);
  const predictedAnomaly = read(computed.predictedAnomaly);
  const maps = {
    teacherError: read(computed.teacherMap) as Float32Array,
    discrepancy: read(computed.discrepancyMap),
    width: detector.dims.gridWidth,
    height: detector.dims.gridHeight,
  };
  tf.dispose(Object.values(computed) as tf.Tensor[]);
  return Array.from({ length: b }, (_, i) => ({
    teacherError: teacherError[i],
    discrepancy: discrepancy === null ? null : discrepancy[i],
    classifier: classifier === null ? null : classifier[i],
    predictedAnomaly: predictedAnomaly === null ? null : predictedAnomaly[i],
    maps: tokenMapsAt(maps, i),
  }));
}

/** Raw components and token maps per frame of frames t [B, H, W, c] with their t±3 neighbours. */
export function scoreFrames(detector: Detector, input: FrameInput, options: ScoreOptions = {}): FrameScore[] {
  const { config, dims } = detector;
  const stacked = stackFrames(config, input);
  const tensor = tf.tensor4d(stacked, [input.count, config.inputHeight, config.inputWidth, dims.inputChannels]);
  try {
    return scoreStackedFrames(detector, tensor, { ...options, firstIndex: input.firstIndex ?? 0 });
  } finally {
    tensor.dispose();
  }
}
