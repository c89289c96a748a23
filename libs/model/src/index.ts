// @vad/model: the self-distilled masked auto-encoder (Ristea et al., CVPR 2024) in TensorFlow.js —
// configuration and presets, backend selection (with the wasm training kernels), training with
// checkpoints and exact resume, inference of the raw per-frame components, and benchmarks.
// Knows tensors and files only: never the database, HTTP or an app.

// configuration, presets and costs: also the light `@vad/model/config` entry, which loads no TensorFlow.js
export * from './config/index';

export {
  BACKEND_CHOICES,
  GPU_BACKENDS,
  isBackendChoice,
  requestedBackend,
  selectBackend,
  type BackendChoice,
  type SelectBackendOptions,
  type SelectedBackend,
} from './backends/select-backend';
export { registerWasmTrainingKernels, type WasmTrainingKernelsOptions } from './backends/wasm-training-kernels';

export { Detector, STAGE_ROLES, type DetectorOutputs, type ForwardRequest } from './detector/detector';
export type { ParameterEntry, ParameterRole } from './parameters/parameter-store';
export { randomTokenMask, type TokenMask } from './masking/token-mask';

export type { TrainingBatch } from './training/training-batch';
export {
  trainModel,
  selectEpoch,
  validationLoss,
  type BatchSource,
  type EpochContext,
  type TrainModelOptions,
  type TrainModelResult,
} from './training/train-model';
export type { TrainingProgress } from './training/training-progress';
export { defaultTrainingReplicas } from './training/parallel/default-replicas';
export type { StepLosses, TrainingStage } from './training/training-step';

export type { CheckpointState, EpochRecord } from './checkpoints/checkpoint-state';
export { loadCheckpoint, type LoadedCheckpoint } from './checkpoints/load-checkpoint';
export { latestCheckpoint } from './checkpoints/latest-checkpoint';
export { loadDetector } from './checkpoints/load-detector';
export { resolveCheckpoint, SELECTION_FILE, type RunSelection } from './checkpoints/resolve-checkpoint';

export type { ComponentTokenMaps, FrameScore, TokenMaps } from './inference/frame-score';
export { scoreFrames, scoreModelInputs, scoreStackedFrames, type ScoreOptions } from './inference/score-frames';
export { scoreVideo, NEIGHBOUR_OFFSET, type ScoreVideoOptions, type VideoFrameReader } from './inference/score-video';
export { stackFrames, type FrameInput } from './inference/stack-frames';
export { describeTestMasking, type TestMasking } from './inference/test-masking';

export { benchModel, defaultBenchTrainBatch, median, randomTrainingBatch, type BenchModelOptions, type BenchModelResult } from './bench/bench-model';
export { benchTrain, type BenchTrainOptions, type BenchTrainResult } from './bench/bench-train';
export { profileKernels, summariseKernels, type KernelCall, type KernelProfile, type KernelRow } from './bench/kernel-profile';
export { profileModel, type ModelProfile, type ProfileModelOptions } from './bench/profile-model';

export { exportOnnx, onnxInferenceModel, ONNX_METADATA_KEYS, ONNX_OUTPUT_NAMES, ONNX_OUTPUTS_VERSION } from './onnx/export-onnx';
export { decodeOnnxMetadata, encodeOnnxModel, type OnnxModel } from './onnx/onnx-model.proto';
export { ONNX_EXPORT_FILE, saveOnnxExport } from './onnx/save-onnx-export';
export { ENGINE_NAMES, isEngineName, type EngineName, type InferenceEngine, type MatMulProbe } from './engines/inference-engine';
export { TfjsInferenceEngine, type TfjsEngineOptions } from './engines/tfjs-inference.engine';
export { OnnxInferenceEngine, ONNX_PROVIDERS, type OnnxEngineOptions, type OnnxProvider } from './engines/onnx-inference.engine';
export { createInferenceEngine, type CreateInferenceEngineOptions } from './engines/create-inference-engine';
export { benchInference, type BenchInferenceOptions, type BenchInferenceResult, type EndToEndSource } from './engines/bench-inference';
export { isOnnxRuntimeAvailable } from './engines/onnx-inference.engine';
export {
  chooseInferenceEngine,
  ENGINE_REQUESTS,
  isEngineRequest,
  type EngineChoice,
  type EngineChoiceInput,
  type EngineRequest,
} from './engines/choose-inference-engine';
export { chooseCheckpointEngine, engineLabel, hasOnnxExport, openCheckpointEngine, type CheckpointEngineRequest } from './engines/checkpoint-engine';

export { NeighbourWindow, type StackedFrame } from './pipeline/neighbour-window';
export { readerFrames, scoreStreams, type StreamScorerOptions } from './pipeline/stream-scorer';
