// What a failed import of a server folder tells the team. The detailed message of libs/data quotes what
// it read (a labels file's keys, a video's metadata) and names absolute paths: echoed to a client, it
// would make importServerFolder a way to read files on the server. The job's error says what kind of
// problem it was and, for files inside the imported folder, which file; the details go to the server log.
import path from 'node:path';
import { DataError, DataErrorCode } from '@vad/data';

const PROBLEMS: Readonly<Record<DataErrorCode, string>> = {
  [DataErrorCode.SourceNotFound]: 'a folder or file was not found',
  [DataErrorCode.LayoutNotRecognised]: 'the folder is not laid out as the chosen format expects',
  [DataErrorCode.NoVideos]: 'the folder holds no videos of the chosen format',
  [DataErrorCode.DuplicateVideoName]: 'two videos of one split have the same name',
  [DataErrorCode.UnsupportedFormat]: 'the format is not supported',
  [DataErrorCode.ContentMismatch]: 'a file’s content is not what its name says',
  [DataErrorCode.UnsupportedCodec]: 'a video uses a codec that is not accepted',
  [DataErrorCode.FileTooLarge]: 'a video is larger than the limit',
  [DataErrorCode.DurationTooLong]: 'a video is longer than the limit',
  [DataErrorCode.ResolutionTooLarge]: 'a video’s frames are larger than the limit',
  [DataErrorCode.TooManyFrames]: 'a video has more frames than the limit',
  [DataErrorCode.TooManyPixels]: 'a video decodes to more pixels than the limit',
  [DataErrorCode.CorruptVideo]: 'a video is corrupt',
  [DataErrorCode.TruncatedVideo]: 'a video is truncated',
  [DataErrorCode.ZeroFrames]: 'a video has no decodable frame',
  [DataErrorCode.InconsistentFrameSize]: 'the frames of a video differ in size',
  [DataErrorCode.DecodeTimeout]: 'decoding a video took longer than the limit',
  [DataErrorCode.DecoderFailed]: 'the decoder could not run',
  [DataErrorCode.FfmpegNotFound]: 'ffmpeg is not installed on the worker',
  [DataErrorCode.LabelsInvalid]: 'the frame labels could not be read',
  [DataErrorCode.LabelsMissing]: 'frame labels are missing for a test video',
  [DataErrorCode.LabelsUnknownVideo]: 'the frame labels name a video the data set does not have',
  [DataErrorCode.LabelLengthMismatch]: 'the frame labels of a video do not match its frame count',
  [DataErrorCode.MasksNotFound]: 'no pixel masks were found for the test videos',
  [DataErrorCode.MaskCountMismatch]: 'the pixel masks of a video do not match its frame count',
  [DataErrorCode.MaskSizeMismatch]: 'the pixel masks of a video do not match its frame size',
  [DataErrorCode.MaskInvalid]: 'a pixel mask could not be read',
  [DataErrorCode.NpyInvalid]: 'a .npy file could not be read',
  [DataErrorCode.MatInvalid]: 'a .mat file could not be read',
  [DataErrorCode.CacheCorrupt]: 'the frame cache is damaged',
  [DataErrorCode.CacheBudgetExceeded]: 'the decoded frames do not fit the frame cache',
  [DataErrorCode.InvalidOptions]: 'the import options are invalid',
  [DataErrorCode.OutsideImportRoots]: 'a path is not under the server’s import roots (VAD_IMPORT_ROOTS)',
  [DataErrorCode.Cancelled]: 'the import was cancelled',
};

/** The error a folder import's job records: the problem's kind and code, and the file when inside `folder`. */
export function folderImportFailure(error: DataError, folder: string | null): Error {
  const relative = folder && error.file ? path.relative(folder, path.resolve(folder, error.file)) : '';
  const where = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? ` (${relative})` : '';
  return new Error(`the folder could not be imported: ${PROBLEMS[error.code]}${where} [${error.code}]; the server’s log has the details`);
}
