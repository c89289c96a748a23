// The post-processing protocol: everything between the model's raw outputs and the frame scores that are
// evaluated (docs/method.md §7, docs/evaluation.md). It is plain JSON data, stored with every evaluation, because two
// results are only comparable when the protocol that made them is the same.
import { MetricsError, MetricsErrorCode } from '../metrics.error';
import { COMPONENT_NORMALISATIONS, type ComponentNormalisation } from './component-normalisation';

/** Weights of eq. 6: o_t = α·teacher error + β·teacher–student discrepancy + γ·classifier output. */
export interface ComponentWeights {
  /** α, weight of the teacher's reconstruction error ‖x_t − x̂_t‖². */
  readonly teacherError: number;
  /** β, weight of the teacher–student discrepancy ‖x̂_t − x̃_t‖². */
  readonly discrepancy: number;
  /** γ, weight of the classification head's anomaly output ŷ_t. */
  readonly classifier: number;
}

/** How a frame's pixel anomaly map becomes one frame score. */
export type FrameReduction = 'max' | 'mean';

/**
 * Separable Gaussian over (x, y, t) applied to each video's anomaly volume (the paper's 3D filter). Spatial
 * sizes are in map cells: one cell per token for the maps this platform stores.
 */
export interface SpatioTemporalFilterParameters {
  /** Standard deviation in map cells along x and y; 0 leaves space unfiltered. */
  readonly sigmaSpatial: number;
  /** Half-width of the spatial kernel in map cells (kernel = 2·radius + 1 taps). */
  readonly radiusSpatial: number;
  /** Standard deviation in frames; 0 leaves time unfiltered. */
  readonly sigmaTemporal: number;
  /** Half-width of the temporal kernel in frames. */
  readonly radiusTemporal: number;
}

/**
 * `centred`: symmetric kernel summing to 1, renormalised over the taps inside the video at its ends.
 * `reference-code`: the method authors' kernel — Gaussian density values (not summing to 1) peaking one
 * tap before the centre, applied as numpy's convolve(mode='same') with zeros beyond the video.
 */
export type GaussianVariant = 'centred' | 'reference-code';

export interface TemporalGaussianStep {
  readonly kind: 'temporal-gaussian';
  /** Standard deviation in frames. */
  readonly sigma: number;
  /** Kernel length in frames (odd for `centred`). */
  readonly taps: number;
  readonly variant: GaussianVariant;
}

/** Per-video (s − min) / (max − min); a constant video becomes all zeros. */
export interface MinMaxNormaliseStep {
  readonly kind: 'min-max-normalise';
}

export type FrameStep = TemporalGaussianStep | MinMaxNormaliseStep;

export interface ProtocolParameters {
  /** How each component is scaled before the weighting (component-normalisation.ts). */
  readonly normalisation: ComponentNormalisation;
  readonly weights: ComponentWeights;
  /**
   * Weigh with the α, β, γ the model version chose on training data (ComponentStatistics.weights) when it
   * has them, `weights` otherwise. Only with `training-statistics` normalisation, the scale they were chosen on.
   */
  readonly weightsFromModelVersion?: boolean;
  /** Applied to pixel anomaly volumes before the frame reduction; null = none. */
  readonly spatioTemporalFilter: SpatioTemporalFilterParameters | null;
  readonly frameReduction: FrameReduction;
  /** Applied in order to each video's frame scores. */
  readonly frameSteps: readonly FrameStep[];
}

export interface PostProcessingProtocol {
  readonly name: string;
  readonly version: string;
  readonly parameters: ProtocolParameters;
}

/** Stages of a protocol, named in results when the input did not allow a stage to run. */
export type ProtocolStage = 'component-normalisation' | 'component-weights' | 'spatio-temporal-filter' | 'frame-reduction';

/** Checks a protocol that may come from outside (a database row, a file); throws a MetricsError naming the bad field. */
export function assertProtocol(protocol: PostProcessingProtocol): void {
  const bad = (field: string, rule: string): never => {
    throw new MetricsError(MetricsErrorCode.InvalidParameter, `protocol "${protocol.name}": ${field} ${rule}`);
  };
  const { normalisation, weights, spatioTemporalFilter: filter, frameReduction, frameSteps } = protocol.parameters;
  if (!(COMPONENT_NORMALISATIONS as readonly string[]).includes(normalisation)) bad('normalisation', `must be one of ${COMPONENT_NORMALISATIONS.join(', ')}`);
  for (const key of ['teacherError', 'discrepancy', 'classifier'] as const) {
    if (!Number.isFinite(weights[key])) bad(`weights.${key}`, 'must be a finite number');
  }
  if (filter !== null) {
    for (const key of ['sigmaSpatial', 'sigmaTemporal'] as const) {
      if (!(filter[key] >= 0)) bad(`spatioTemporalFilter.${key}`, 'must be ≥ 0');
    }
    for (const key of ['radiusSpatial', 'radiusTemporal'] as const) {
      if (!Number.isInteger(filter[key]) || filter[key] < 0) bad(`spatioTemporalFilter.${key}`, 'must be an integer ≥ 0');
    }
  }
  if (frameReduction !== 'max' && frameReduction !== 'mean') bad('frameReduction', 'must be "max" or "mean"');
  frameSteps.forEach((step, index) => {
    switch (step.kind) {
      case 'min-max-normalise':
        return;
      case 'temporal-gaussian':
        if (!(step.sigma > 0)) bad(`frameSteps[${index}].sigma`, 'must be > 0');
        if (!Number.isInteger(step.taps) || step.taps < 1) bad(`frameSteps[${index}].taps`, 'must be an integer ≥ 1');
        if (step.variant === 'centred' && step.taps % 2 === 0) bad(`frameSteps[${index}].taps`, 'must be odd for a centred kernel');
        if (step.variant !== 'centred' && step.variant !== 'reference-code') {
          bad(`frameSteps[${index}].variant`, 'must be "centred" or "reference-code"');
        }
        return;
      default:
        return bad(`frameSteps[${index}].kind`, `"${(step as { kind: unknown }).kind}" is not a known step`);
    }
  });
}
