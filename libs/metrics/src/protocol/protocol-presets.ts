// The named protocols. `paper` follows the CVPR 2024 paper (eq. 6, 3D filter, frame max, temporal
// Gaussian); `reference-code` follows the authors' released code (frame mean, off-centre unnormalised
// Gaussian, per-video min–max on ShanghaiTech). METHOD.md §7 lists the differences.
//
// Interpretations, recorded in the parameters so that a stored result says what was done:
// - Neither source gives the 3D filter's size; the paper preset's σ = 2 px / 2 frames (radius 3σ) are ours.
// - Gaussian σ and length depend on the data set in the code (Avenue 37 taps σ 11, ShanghaiTech 899 taps
//   σ 282 + min–max). The presets default to the Avenue values; pass overrides for other data sets.
import type { FrameStep, PostProcessingProtocol } from './protocol';

export const PROTOCOL_PRESET_NAMES = ['paper', 'reference-code'] as const;
export type ProtocolPresetName = (typeof PROTOCOL_PRESET_NAMES)[number];

export interface ProtocolPresetOptions {
  /** Temporal Gaussian σ in frames (default 11, the authors' Avenue value). */
  readonly gaussianSigma?: number;
  /** Temporal Gaussian length in frames (default 37; must be odd for `paper`). */
  readonly gaussianTaps?: number;
  /** Per-video min–max after smoothing (the authors' ShanghaiTech setting). Default false. */
  readonly minMaxAfterSmoothing?: boolean;
}

export const PROTOCOL_PRESET_VERSION = '1';

const PAPER_WEIGHTS = { teacherError: 0.4, discrepancy: 0.3, classifier: 0.3 } as const;

export function isProtocolPresetName(name: string): name is ProtocolPresetName {
  return (PROTOCOL_PRESET_NAMES as readonly string[]).includes(name);
}

/** @example protocolPreset('reference-code', { gaussianSigma: 282, gaussianTaps: 899, minMaxAfterSmoothing: true }) // ShanghaiTech */
export function protocolPreset(name: ProtocolPresetName, options: ProtocolPresetOptions = {}): PostProcessingProtocol {
  const sigma = options.gaussianSigma ?? 11;
  const taps = options.gaussianTaps ?? 37;
  const normalise: FrameStep[] = options.minMaxAfterSmoothing ? [{ kind: 'min-max-normalise' }] : [];
  switch (name) {
    case 'paper':
      return {
        name,
        version: PROTOCOL_PRESET_VERSION,
        parameters: {
          weights: PAPER_WEIGHTS,
          spatioTemporalFilter: { sigmaSpatial: 2, radiusSpatial: 6, sigmaTemporal: 2, radiusTemporal: 6 },
          frameReduction: 'max',
          frameSteps: [{ kind: 'temporal-gaussian', sigma, taps, variant: 'centred' }, ...normalise],
        },
      };
    case 'reference-code':
      return {
        name,
        version: PROTOCOL_PRESET_VERSION,
        parameters: {
          weights: PAPER_WEIGHTS,
          spatioTemporalFilter: null,
          frameReduction: 'mean',
          frameSteps: [{ kind: 'temporal-gaussian', sigma, taps, variant: 'reference-code' }, ...normalise],
        },
      };
  }
}
