// Builds the model input from frames t and their neighbours: channels [t−3, t, t+3] for stack-t3
// models (docs/method.md §2), with a missing neighbour replaced by frame t as in the reference code.
import type { ModelConfig } from '../config/model-config';
import { modelDimensions } from '../config/model-dimensions';
import { ModelError, ModelErrorCode } from '../model.error';

export interface FrameInput {
  /** Frames t, [B, H, W, c] in [−1, 1] at the model's input size. */
  frames: Float32Array;
  count: number;
  /** Frames t−3, same layout (stack-t3 models); absent means "use frame t". */
  previous?: Float32Array;
  /** Frames t+3, same layout. */
  next?: Float32Array;
  /** Index of the first frame in its video, for per-frame test-mask seeds. Default 0. */
  firstIndex?: number;
}

/** [B, H, W, inputChannels] input of the model. */
export function stackFrames(config: ModelConfig, input: FrameInput): Float32Array {
  const dims = modelDimensions(config);
  const c = dims.frameChannels;
  const pixels = input.count * config.inputHeight * config.inputWidth;
  for (const [name, array] of [
    ['frames', input.frames],
    ['previous', input.previous],
    ['next', input.next],
  ] as const) {
    if (array !== undefined && array.length !== pixels * c) {
      throw new ModelError(
        ModelErrorCode.ShapeMismatch,
        `${name} has ${array.length} values; ${input.count} frames of ${config.inputHeight}×${config.inputWidth}×${c} need ${pixels * c}`,
      );
    }
  }
  if (config.temporalInput === 'single-frame') return input.frames;
  const sources = [input.previous ?? input.frames, input.frames, input.next ?? input.frames];
  const out = new Float32Array(pixels * 3 * c);
  for (let p = 0; p < pixels; p++) {
    for (let s = 0; s < 3; s++) {
      const src = sources[s];
      for (let k = 0; k < c; k++) out[p * 3 * c + s * c + k] = src[p * c + k];
    }
  }
  return out;
}
