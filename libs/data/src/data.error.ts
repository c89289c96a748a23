// Errors raised by libs/data: one class, one stable code per kind of problem, a message that names
// the file and says what was wrong, so that an import or a training job can fail with a clear line.

export enum DataErrorCode {
  SourceNotFound = 'SOURCE_NOT_FOUND',
  LayoutNotRecognised = 'LAYOUT_NOT_RECOGNISED',
  NoVideos = 'NO_VIDEOS',
  DuplicateVideoName = 'DUPLICATE_VIDEO_NAME',
  UnsupportedFormat = 'UNSUPPORTED_FORMAT',
  ContentMismatch = 'CONTENT_MISMATCH',
  UnsupportedCodec = 'UNSUPPORTED_CODEC',
  FileTooLarge = 'FILE_TOO_LARGE',
  DurationTooLong = 'DURATION_TOO_LONG',
  ResolutionTooLarge = 'RESOLUTION_TOO_LARGE',
  TooManyFrames = 'TOO_MANY_FRAMES',
  CorruptVideo = 'CORRUPT_VIDEO',
  TruncatedVideo = 'TRUNCATED_VIDEO',
  ZeroFrames = 'ZERO_FRAMES',
  InconsistentFrameSize = 'INCONSISTENT_FRAME_SIZE',
  DecodeTimeout = 'DECODE_TIMEOUT',
  DecoderFailed = 'DECODER_FAILED',
  FfmpegNotFound = 'FFMPEG_NOT_FOUND',
  LabelsInvalid = 'LABELS_INVALID',
  LabelsMissing = 'LABELS_MISSING',
  LabelsUnknownVideo = 'LABELS_UNKNOWN_VIDEO',
  LabelLengthMismatch = 'LABEL_LENGTH_MISMATCH',
  MasksNotFound = 'MASKS_NOT_FOUND',
  MaskCountMismatch = 'MASK_COUNT_MISMATCH',
  MaskSizeMismatch = 'MASK_SIZE_MISMATCH',
  MaskInvalid = 'MASK_INVALID',
  NpyInvalid = 'NPY_INVALID',
  MatInvalid = 'MAT_INVALID',
  CacheCorrupt = 'CACHE_CORRUPT',
  InvalidOptions = 'INVALID_OPTIONS',
  OutsideImportRoots = 'OUTSIDE_IMPORT_ROOTS',
  TooManyPixels = 'TOO_MANY_PIXELS',
  CacheBudgetExceeded = 'CACHE_BUDGET_EXCEEDED',
  Cancelled = 'CANCELLED',
}

export class DataError extends Error {
  constructor(
    readonly code: DataErrorCode,
    message: string,
    /** The file or folder the problem is about, when there is one. */
    readonly file?: string,
  ) {
    super(message);
    this.name = 'DataError';
  }
}
