// @vad/model/config: the model's configuration, presets, their validation and costs, without TensorFlow.js,
// for processes that describe or check models but never run one (the API above all).

export { ModelError, ModelErrorCode } from '../model.error';

export {
  FULL_METHOD,
  PAPER_OPTIMIZER,
  REFERENCE_CODE_OPTIMIZER,
  type AblationSwitches,
  type AttentionScale,
  type CheckpointSelection,
  type ColourMode,
  type DistillationLoss,
  type LossConfig,
  type ModelConfig,
  type OptimizerConfig,
  type OptimizerKind,
  type TemporalInput,
  type TrainingConfig,
  type TransformerStackConfig,
  type VisibleTokenLayout,
} from './model-config';
export { modelDimensions, currentFrameChannelOffset, type ModelDimensions } from './model-dimensions';
export { assertValidModelConfig, assertValidTrainingConfig, modelConfigProblems, trainingConfigProblems } from './validate-model-config';
export { countParameters, cvtBlockParameters, gflopsPerFrame, macsPerFrame, parameterBreakdown, type CostOptions, type ParameterBreakdown } from './model-cost';
export {
  PRESET_NAMES,
  getPreset,
  isPresetName,
  paperModelConfig,
  paperTrainingConfig,
  type ModelPreset,
  type PresetName,
  type PresetHardware,
} from '../presets/model-presets';

export { presetOverridesProblems, resolvePreset, type PresetOverrides } from '../presets/resolve-preset';
