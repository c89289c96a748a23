// Errors raised by the model library: configuration, backends, checkpoints, training and inference.
// Codes are stable strings so that job handlers and the CLI can branch on them.

export enum ModelErrorCode {
  /** A ModelConfig / TrainingConfig field is out of range or two switches contradict each other. */
  InvalidConfig = 'MODEL_INVALID_CONFIG',
  /** No preset with that name. */
  UnknownPreset = 'MODEL_UNKNOWN_PRESET',
  /** A forced backend (VAD_BACKEND or option) cannot be loaded here. */
  BackendUnavailable = 'MODEL_BACKEND_UNAVAILABLE',
  /** A kernel was asked for something the project's replacement kernels do not implement. */
  UnsupportedKernel = 'MODEL_UNSUPPORTED_KERNEL',
  /** A batch or frame array does not match the model's input shape. */
  ShapeMismatch = 'MODEL_SHAPE_MISMATCH',
  /** A checkpoint folder is missing, incomplete or written by an incompatible version. */
  InvalidCheckpoint = 'MODEL_INVALID_CHECKPOINT',
  /** Training was asked to resume but there is nothing to resume from, or the config differs. */
  ResumeMismatch = 'MODEL_RESUME_MISMATCH',
  /** An epoch produced no batches, or a loss became NaN/Infinity. */
  TrainingFailed = 'MODEL_TRAINING_FAILED',
}

export class ModelError extends Error {
  constructor(
    readonly code: ModelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}
