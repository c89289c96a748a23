// Runs a protocol on one video, from whichever raw data is at hand. The richer the input, the more stages
// can run: component maps (with the model version's statistics) allow every stage; per-frame components
// skip the normalisation, the 3D filter and the frame reduction (the model already reduced them); ready frame
// scores also skip the weighting. Stages that could not run are returned with the scores, so a stored
// result never claims a protocol it did not apply.
import { combineComponents, combineMapComponents, type FrameComponents, type MapComponents } from './combine-components';
import { normaliseComponents, type ComponentStatistics } from './component-normalisation';
import { temporalGaussian } from './gaussian-smoothing';
import { minMaxNormalise } from './min-max-normalise';
import { assertProtocol, type ComponentWeights, type FrameStep, type PostProcessingProtocol, type ProtocolStage } from './protocol';
import { reduceFrames } from './reduce-frames';
import { spatioTemporalFilter } from './spatio-temporal-filter';
import type { PixelMap } from '../pixel-map';

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
    stagesNotApplied: [...normalisationStage(protocol), 'component-weights', ...pixelStages(protocol)],
  };
}

/** Per-frame raw components: weighting, then the frame steps. */
export function applyProtocolToComponents(components: FrameComponents, protocol: PostProcessingProtocol): ProtocolOutput {
  assertProtocol(protocol);
  const combined = combineComponents(components, protocol.parameters.weights);
  return { scores: applyFrameSteps(combined, protocol.parameters.frameSteps), stagesNotApplied: [...normalisationStage(protocol), ...pixelStages(protocol)] };
}

/**
 * The combined anomaly volume of a video before its frames are reduced: normalised components, weighted
 * (eq. 6), then the 3D filter. Without the statistics a `training-statistics` protocol needs, the raw
 * components are combined and the normalisation is reported as not applied.
 */
export function combinedAnomalyVolume(
  components: MapComponents,
  protocol: PostProcessingProtocol,
  statistics: ComponentStatistics | null,
): { volume: PixelMap[]; stagesNotApplied: ProtocolStage[] } {
  assertProtocol(protocol);
  const { normalisation, spatioTemporalFilter: filter } = protocol.parameters;
  const missingStatistics = normalisation === 'training-statistics' && statistics === null;
  const normalised = missingStatistics ? components : normaliseComponents(components, normalisation, statistics);
  const combined = combineMapComponents(normalised, protocolWeights(protocol, statistics));
  return {
    volume: filter === null ? combined : spatioTemporalFilter(combined, filter),
    stagesNotApplied: missingStatistics ? ['component-normalisation'] : [],
  };
}

/** The weights a protocol applies with a model version's statistics (its chosen ones, when the protocol takes them). */
export function protocolWeights(protocol: PostProcessingProtocol, statistics: ComponentStatistics | null): ComponentWeights {
  const { normalisation, weights, weightsFromModelVersion } = protocol.parameters;
  const chosen = weightsFromModelVersion === true && normalisation === 'training-statistics' ? statistics?.weights : undefined;
  return chosen ?? weights;
}

/**
 * A video's frame values after a protocol's pixel stages (normalisation, weighting, 3D filter, frame
 * reduction), before its frame steps: plain JSON, stored with inference runs so that reading a preset's
 * frame scores later costs only its frame steps (applyFrameSteps).
 */
export interface PixelStagesResult {
  readonly protocol: string;
  readonly version: string;
  readonly frames: number[];
  readonly stagesNotApplied: ProtocolStage[];
}

export function applyPixelStages(components: MapComponents, protocol: PostProcessingProtocol, statistics: ComponentStatistics | null): PixelStagesResult {
  const { volume, stagesNotApplied } = combinedAnomalyVolume(components, protocol, statistics);
  return { protocol: protocol.name, version: protocol.version, frames: Array.from(reduceFrames(volume, protocol.parameters.frameReduction)), stagesNotApplied };
}

export interface MapProtocolOutput extends ProtocolOutput {
  /** The combined anomaly volume the frames were reduced from (for region detections and display). */
  readonly volume: readonly PixelMap[];
}

/** Component maps of a video: every stage (normalisation, weighting, 3D filter, frame reduction, frame steps). */
export function applyProtocolToMaps(components: MapComponents, protocol: PostProcessingProtocol, statistics: ComponentStatistics | null): MapProtocolOutput {
  const { volume, stagesNotApplied } = combinedAnomalyVolume(components, protocol, statistics);
  const { frameReduction, frameSteps } = protocol.parameters;
  return { scores: applyFrameSteps(reduceFrames(volume, frameReduction), frameSteps), stagesNotApplied, volume };
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

function normalisationStage(protocol: PostProcessingProtocol): ProtocolStage[] {
  return protocol.parameters.normalisation === 'none' ? [] : ['component-normalisation'];
}

function pixelStages(protocol: PostProcessingProtocol): ProtocolStage[] {
  return protocol.parameters.spatioTemporalFilter === null ? ['frame-reduction'] : ['spatio-temporal-filter', 'frame-reduction'];
}
