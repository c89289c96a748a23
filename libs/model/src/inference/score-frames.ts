// Scores a batch of frames (METHOD.md §7): one inference pass of encoder, teacher, student and
// classifier, then per frame the raw components of eq. 6 and, optionally, their pixel maps.
import * as tf from '@tensorflow/tfjs';
import { INFERENCE } from '../blocks/forward-mode';
import { currentFrameChannelOffset } from '../config/model-dimensions';
import type { Detector } from '../detector/detector';
import { ModelError, ModelErrorCode } from '../model.error';
import { unpatchify } from '../tokens/patchify';
import type { FrameScore, MapOptions } from './frame-score';
import { frameMapsAt } from './frame-maps';
import { stackFrames, type FrameInput } from './stack-frames';
import { testMask, type TestMasking } from './test-masking';

export interface ScoreOptions {
  /** Default: seeded with seed 0. */
  testMasking?: TestMasking;
  /** Also return pixel maps of the components. */
  maps?: MapOptions | false;
}

interface ComponentTensors {
  teacherError: tf.Tensor3D;
  discrepancy: tf.Tensor3D | null;
  classifier: tf.Tensor1D | null;
  predictedAnomaly: tf.Tensor1D | null;
}

/** Per-pixel component maps [B, H, W] and per-frame scalars [B] for a stacked input tensor. */
export function componentTensors(detector: Detector, input: tf.Tensor4D, masking: TestMasking, firstIndex: number): ComponentTensors {
  const { config, dims } = detector;
  const b = input.shape[0];
  const mask = testMask(detector, masking, firstIndex, b);
  const out = detector.forward(input, {
    mask,
    backbone: INFERENCE,
    student: INFERENCE,
    outputs: { teacher: true, student: detector.hasStudent },
  });
  const c = dims.frameChannels;
  const [h, w] = [config.inputHeight, config.inputWidth];
  const frame = input.slice([0, 0, 0, currentFrameChannelOffset(config)], [b, h, w, c]);
  const teacher = unpatchify(out.teacher as tf.Tensor3D, dims.gridHeight, dims.gridWidth, config.patchSize);
  const reconstruction = teacher.slice([0, 0, 0, 0], [b, h, w, c]);
  const teacherError = tf.squaredDifference(frame, reconstruction).mean(3) as tf.Tensor3D;
  let discrepancy: tf.Tensor3D | null = null;
  if (out.student !== null) {
    const student = unpatchify(out.student, dims.gridHeight, dims.gridWidth, config.patchSize).slice([0, 0, 0, 0], [b, h, w, c]);
    discrepancy = tf.squaredDifference(reconstruction, student).mean(3) as tf.Tensor3D;
  }
  const classifier = out.classLogits === null ? null : tf.sigmoid(out.classLogits);
  const predictedAnomaly = config.ablation.anomalyMaps
    ? (teacher.slice([0, 0, 0, c], [b, h, w, 1]).clipByValue(0, 1).mean([1, 2, 3]) as tf.Tensor1D)
    : null;
  return { teacherError, discrepancy, classifier, predictedAnomaly };
}

/** Raw components (and maps) of frames already stacked as the model input [B, H, W, inputChannels]. */
export function scoreStackedFrames(detector: Detector, input: tf.Tensor4D, options: ScoreOptions & { firstIndex?: number } = {}): FrameScore[] {
  const masking = options.testMasking ?? { mode: 'seeded', seed: 0 };
  const mapOptions = options.maps === undefined || options.maps === false ? null : options.maps;
  const downsample = mapOptions?.downsample ?? detector.config.patchSize;
  const scale = mapOptions?.scale ?? 1;
  const { inputHeight: h, inputWidth: w } = detector.config;
  if (mapOptions !== null && (h % downsample !== 0 || w % downsample !== 0 || !(scale > 0))) {
    throw new ModelError(ModelErrorCode.InvalidConfig, `map downsample ${downsample} must divide ${h}×${w} and scale must be > 0`);
  }
  const b = input.shape[0];
  type Key = 'teacherError' | 'discrepancy' | 'classifier' | 'predictedAnomaly' | 'teacherMap' | 'discrepancyMap';
  const computed = tf.tidy(() => {
    const t = componentTensors(detector, input, masking, options.firstIndex ?? 0);
    const pool = (m: tf.Tensor3D) => (downsample === 1 ? m : tf.avgPool(m.expandDims(3) as tf.Tensor4D, downsample, downsample, 'valid').squeeze([3]));
    const all: Record<Key, tf.Tensor | null> = {
      teacherError: t.teacherError.mean([1, 2]),
      discrepancy: t.discrepancy?.mean([1, 2]) ?? null,
      classifier: t.classifier,
      predictedAnomaly: t.predictedAnomaly,
      teacherMap: mapOptions === null ? null : pool(t.teacherError),
      discrepancyMap: mapOptions === null || t.discrepancy === null ? null : pool(t.discrepancy),
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
  const teacherMap = read(computed.teacherMap);
  const discrepancyMap = read(computed.discrepancyMap);
  tf.dispose(Object.values(computed) as tf.Tensor[]);
  const mh = h / downsample;
  const mw = w / downsample;
  return Array.from({ length: b }, (_, i) => {
    const score: FrameScore = {
      teacherError: teacherError[i],
      discrepancy: discrepancy === null ? null : discrepancy[i],
      classifier: classifier === null ? null : classifier[i],
      predictedAnomaly: predictedAnomaly === null ? null : predictedAnomaly[i],
    };
    if (teacherMap !== null) score.maps = frameMapsAt({ teacherError: teacherMap, discrepancy: discrepancyMap, width: mw, height: mh, scale }, i);
    return score;
  });
}

/** Raw components (and maps) per frame of frames t [B, H, W, c] with their t±3 neighbours. */
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
