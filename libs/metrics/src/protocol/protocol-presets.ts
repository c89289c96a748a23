// The named protocols. `paper` follows the CVPR 2024 paper (eq. 6, 3D filter, frame max, temporal
// Gaussian); `reference-code` follows the authors' released code (frame mean, off-centre unnormalised
// Gaussian, per-video min–max on ShanghaiTech). docs/method.md §7 lists the differences.
//
// Interpretations, recorded in the parameters so that a stored result says what was done:
// - Eq. 6 adds components whose raw scales differ ~20×, and inside the teacher error and the discrepancy the
//   anomaly-map channel and the frame channels differ as much; `paper` standardises each channel group of
//   each component with statistics of held-out TRAINING videos (stored with the model version) before the
//   mean over channels and the weighting, so that α, β, γ weigh like for like. `paper-video-min-max`
//   rescales each group to [0, 1] within each test video instead.
// - α, β, γ: the paper gives one triple per data set without saying how it was found. `paper` keeps the
//   paper's 0.4 / 0.3 / 0.3; `paper-chosen-weights` is `paper` with the triple each model version chose on
//   held-out training videos with pseudo-anomalies (choose-component-weights.ts), the paper's for versions
//   that chose none. A separate name, so that `paper` always means the paper's weights.
// - Neither source gives the 3D filter's size. Version 1 of this preset filtered pixel maps with σ = 2 px in
//   space and 2 frames in time. The maps are now per token, each cell already the mean of a d×d patch
//   (d ≥ 4 px), a wider smoothing than σ = 2 px: the spatial part is left out (σ = 0) and the temporal
//   part kept (σ 2 frames, radius 6).
// - Gaussian σ and length depend on the data set in the code (Avenue 37 taps σ 11, ShanghaiTech 899 taps
//   σ 282 + min–max). The presets default to the Avenue values; pass overrides for other data sets.
import type { ComponentNormalisation } from './component-normalisation';
import type { ComponentWeights, FrameStep, PostProcessingProtocol, ProtocolParameters } from './protocol';

export const PROTOCOL_PRESET_NAMES = ['paper', 'paper-chosen-weights', 'paper-video-min-max', 'reference-code'] as const;
export type ProtocolPresetName = (typeof PROTOCOL_PRESET_NAMES)[number];

export interface ProtocolPresetOptions {
  /** Temporal Gaussian σ in frames (default 11, the authors' Avenue value). */
  readonly gaussianSigma?: number;
  /** Temporal Gaussian length in frames (default 37; must be odd for the paper presets). */
  readonly gaussianTaps?: number;
  /** Per-video min–max after smoothing (the authors' ShanghaiTech setting). Default false. */
  readonly minMaxAfterSmoothing?: boolean;
}

/** 2: components normalised before eq. 6, filter sizes in map cells, classifier added per frame. 3: `weightsFromModelVersion` (paper-chosen-weights). */
export const PROTOCOL_PRESET_VERSION = '3';

/** The paper's α, β, γ; `paper-chosen-weights` falls back to them for a model version that chose none. */
export const PAPER_WEIGHTS: ComponentWeights = { teacherError: 0.4, discrepancy: 0.3, classifier: 0.3 };

export function isProtocolPresetName(name: string): name is ProtocolPresetName {
  return (PROTOCOL_PRESET_NAMES as readonly string[]).includes(name);
}

function paperParameters(normalisation: ComponentNormalisation, frameSteps: FrameStep[], weightsFromModelVersion = false): ProtocolParameters {
  return {
    normalisation,
    weights: PAPER_WEIGHTS,
    weightsFromModelVersion,
    spatioTemporalFilter: { sigmaSpatial: 0, radiusSpatial: 0, sigmaTemporal: 2, radiusTemporal: 6 },
    frameReduction: 'max',
    frameSteps,
  };
}

/** @example protocolPreset('reference-code', { gaussianSigma: 282, gaussianTaps: 899, minMaxAfterSmoothing: true }) // ShanghaiTech */
export function protocolPreset(name: ProtocolPresetName, options: ProtocolPresetOptions = {}): PostProcessingProtocol {
  const sigma = options.gaussianSigma ?? 11;
  const taps = options.gaussianTaps ?? 37;
  const normalise: FrameStep[] = options.minMaxAfterSmoothing ? [{ kind: 'min-max-normalise' }] : [];
  const centred: FrameStep[] = [{ kind: 'temporal-gaussian', sigma, taps, variant: 'centred' }, ...normalise];
  switch (name) {
    case 'paper':
      return { name, version: PROTOCOL_PRESET_VERSION, parameters: paperParameters('training-statistics', centred) };
    case 'paper-chosen-weights':
      return { name, version: PROTOCOL_PRESET_VERSION, parameters: paperParameters('training-statistics', centred, true) };
    case 'paper-video-min-max':
      return { name, version: PROTOCOL_PRESET_VERSION, parameters: paperParameters('per-video-min-max', centred) };
    case 'reference-code':
      return {
        name,
        version: PROTOCOL_PRESET_VERSION,
        parameters: {
          normalisation: 'none',
          weights: PAPER_WEIGHTS,
          spatioTemporalFilter: null,
          frameReduction: 'mean',
          frameSteps: [{ kind: 'temporal-gaussian', sigma, taps, variant: 'reference-code' }, ...normalise],
        },
      };
  }
}
