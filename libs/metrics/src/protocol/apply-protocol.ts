// Runs a protocol on one video, from whichever raw data is at hand. The richer the input, the more stages
// can run: pixel maps allow every stage; per-frame components skip the 3D filter and the frame reduction
// (the model already reduced them); ready frame scores also skip the weighting. Stages that could not run
// are returned with the scores, so a stored result never claims a protocol it did not apply.
import { combineComponents, combineMapComponents, type FrameComponents, type MapComponents } from './combine-components';
import { temporalGaussian } from './gaussian-smoothing';
import { minMaxNormalise } from './min-max-normalise';
import { assertProtocol, type FrameStep, type PostProcessingProtocol, type ProtocolStage } from './protocol';
import { reduceFrames } from './reduce-frames';
import { spatioTemporalFilter } from './spatio-temporal-filter';

export interface ProtocolOutput {
  /** One score per frame. */
  readonly scores: Float64Array;
  /** Stages of the protocol that this input could not go through. */
  readonly stagesNotApplied: readonly ProtocolStage[];
}

/** Frame scores that are already the combined o_t: only the frame steps run. */
export function applyProtocolToScores(scores: ArrayLike<number>, protocol: PostProcessingProtocol): ProtocolOutput {
  assertProtocol(protocol);
  return {
    scores: applyFrameSteps(scores, protocol.parameters.frameSteps),
    stagesNotApplied: ['component-weights', ...pixelStages(protocol)],
  };
}

/** Per-frame raw components: weighting, then the frame steps. */
export function applyProtocolToComponents(components: FrameComponents, protocol: PostProcessingProtocol): ProtocolOutput {
  assertProtocol(protocol);
  const combined = combineComponents(components, protocol.parameters.weights);
  return { scores: applyFrameSteps(combined, protocol.parameters.frameSteps), stagesNotApplied: pixelStages(protocol) };
}

/** Pixel maps of the raw components: every stage (weighting, 3D filter, frame reduction, frame steps). */
export function applyProtocolToMaps(components: MapComponents, protocol: PostProcessingProtocol): ProtocolOutput {
  assertProtocol(protocol);
  const { weights, spatioTemporalFilter: filter, frameReduction, frameSteps } = protocol.parameters;
  const combined = combineMapComponents(components, weights);
  const volume = filter === null ? combined : spatioTemporalFilter(combined, filter);
  return { scores: applyFrameSteps(reduceFrames(volume, frameReduction), frameSteps), stagesNotApplied: [] };
}

export function applyFrameSteps(scores: ArrayLike<number>, steps: readonly FrameStep[]): Float64Array {
  let current: Float64Array = Float64Array.from(scores);
  for (const step of steps) {
    switch (step.kind) {
      case 'min-max-normalise':
        current = minMaxNormalise(current);
        break;
      case 'temporal-gaussian':
        current = temporalGaussian(current, step.sigma, step.taps, step.variant);
        break;
    }
  }
  return current;
}

function pixelStages(protocol: PostProcessingProtocol): ProtocolStage[] {
  return protocol.parameters.spatioTemporalFilter === null ? ['frame-reduction'] : ['spatio-temporal-filter', 'frame-reduction'];
}
