// Errors raised by the evaluation protocol. Every code is stable: callers (the CLI, the API) map them to
// user-facing answers, so a code is never renamed once released.

export enum MetricsErrorCode {
  EmptyInput = 'METRICS_EMPTY_INPUT',
  LengthMismatch = 'METRICS_LENGTH_MISMATCH',
  NonFiniteScore = 'METRICS_NON_FINITE_SCORE',
  InvalidLabel = 'METRICS_INVALID_LABEL',
  SingleClass = 'METRICS_SINGLE_CLASS',
  DuplicateVideo = 'METRICS_DUPLICATE_VIDEO',
  InvalidParameter = 'METRICS_INVALID_PARAMETER',
  InvalidMap = 'METRICS_INVALID_MAP',
  InvalidBox = 'METRICS_INVALID_BOX',
  NoGroundTruth = 'METRICS_NO_GROUND_TRUTH',
}

export class MetricsError extends Error {
  constructor(
    readonly code: MetricsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MetricsError';
  }
}
