// @vad/metrics: the evaluation protocol — exact frame AUC, ROC, EER, post-processing protocols and the
// region-level RBDC/TBDC. Pure TypeScript: no I/O, no dependency on the rest of the platform.
export { MetricsError, MetricsErrorCode } from './metrics.error';
export type { PixelMap } from './pixel-map';

export type { ScoredSamples } from './roc/scored-samples';
export { thresholdCounts, type ThresholdCounts } from './roc/threshold-counts';
export { rocCurve, rocCurveFromCounts, type RocCurve, type RocCurveOptions } from './roc/roc-curve';
export { rocAuc, aucFromCounts } from './roc/roc-auc';
export { equalErrorRate } from './roc/eer';
export { downsampleCurve, DEFAULT_CURVE_POINTS } from './roc/downsample-curve';

export type { VideoFrames } from './frame-level/video-frames';
export { microAuc } from './frame-level/micro-auc';
export { macroAuc, padVideo, type MacroAuc, type MacroAucOptions } from './frame-level/macro-auc';
export { evaluateFrames, type FrameEvaluation, type FrameEvaluationOptions } from './frame-level/evaluate-frames';

export {
  assertProtocol,
  type ComponentWeights,
  type FrameReduction,
  type FrameStep,
  type GaussianVariant,
  type MinMaxNormaliseStep,
  type PostProcessingProtocol,
  type ProtocolParameters,
  type ProtocolStage,
  type SpatioTemporalFilterParameters,
  type TemporalGaussianStep,
} from './protocol/protocol';
export {
  PAPER_WEIGHTS,
  PROTOCOL_PRESET_NAMES,
  PROTOCOL_PRESET_VERSION,
  isProtocolPresetName,
  protocolPreset,
  type ProtocolPresetName,
  type ProtocolPresetOptions,
} from './protocol/protocol-presets';
export {
  assertMapComponents,
  channelMeanMaps,
  combineComponents,
  combineMapComponents,
  frameCountOf,
  type ChannelGroup,
  type FrameComponents,
  type MapComponents,
  type PixelComponent,
} from './protocol/combine-components';
export {
  COMPONENT_NORMALISATIONS,
  estimateComponentStatistics,
  normaliseComponents,
  type ComponentNormalisation,
  type ComponentStatistic,
  type ComponentStatistics,
} from './protocol/component-normalisation';
export {
  chooseComponentWeights,
  simplexWeights,
  type ChooseComponentWeightsOptions,
  type ComponentWeightsChoice,
  type PseudoAnomalySet,
} from './protocol/choose-component-weights';
export { minMaxNormalise } from './protocol/min-max-normalise';
export { gaussianKernel, temporalGaussian } from './protocol/gaussian-smoothing';
export { spatioTemporalFilter } from './protocol/spatio-temporal-filter';
export { reduceFrames } from './protocol/reduce-frames';
export {
  applyFrameSteps,
  applyProtocolToComponents,
  applyProtocolToMaps,
  applyProtocolToScores,
  applyPixelStages,
  combinedAnomalyVolume,
  protocolWeights,
  type MapProtocolOutput,
  type PixelStagesResult,
  type ProtocolOutput,
} from './protocol/apply-protocol';

export { boxArea, boxIou, type Box } from './regions/box';
export type { Detection, GroundTruthRegion } from './regions/region';
export { connectedComponents, type Component, type ComponentLabelling, type Connectivity } from './regions/connected-components';
export { detectionsFromMaps, regionsFromMap, type DetectionsFromMapsOptions, type RegionScoreRule, type ScoredRegion } from './regions/detections-from-maps';
export { tracksFromMasks, type TracksFromMasksOptions } from './regions/tracks-from-masks';
export { areaToUnitFpr, evaluateRegions, type RegionDetectionCurve, type RegionEvaluation, type RegionEvaluationOptions } from './regions/rbdc-tbdc';
export { heatColour, heatMapRgba, heatRampCss } from './display/heat-map';
