// The kinds of media files the platform accepts, recognised by their first bytes (magic numbers),
// never by their extension alone: an upload named .mp4 must really be an ISO-BMFF file.

export type ContainerFamily = 'iso-bmff' | 'avi' | 'matroska';
export type ImageKind = 'png' | 'jpeg' | 'tiff' | 'bmp';

/** Extensions of video containers, mapped to the container family their bytes must show. */
export const VIDEO_EXTENSIONS: Readonly<Record<string, ContainerFamily>> = {
  '.mp4': 'iso-bmff',
  '.m4v': 'iso-bmff',
  '.mov': 'iso-bmff',
  '.avi': 'avi',
  '.mkv': 'matroska',
  '.webm': 'matroska',
};

/** Extensions of still images usable as frames or masks. */
export const IMAGE_EXTENSIONS: Readonly<Record<string, ImageKind>> = {
  '.png': 'png',
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.tif': 'tiff',
  '.tiff': 'tiff',
  '.bmp': 'bmp',
};

/** The ffmpeg demuxer forced for each family, so that ffmpeg never guesses (and never follows playlists). */
export const DEMUXER_OF: Readonly<Record<ContainerFamily, string>> = {
  'iso-bmff': 'mov',
  avi: 'avi',
  matroska: 'matroska',
};

/** Bytes needed by {@link detectContainer} and {@link detectImage}. */
export const MAGIC_BYTES_LENGTH = 16;

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/** Container family of a video file from its first bytes, or undefined when it is none we accept. */
export function detectContainer(head: Uint8Array): ContainerFamily | undefined {
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'AVI ') return 'avi';
  if (head.length >= 4 && head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'matroska';
  // ISO-BMFF starts with a box: 4-byte size then a type; files written without `ftyp` first still open with a known box.
  if (head.length >= 8 && ['ftyp', 'moov', 'mdat', 'free', 'wide', 'skip'].includes(ascii(head, 4, 8))) return 'iso-bmff';
  return undefined;
}

/** Image kind from the first bytes of a file, or undefined when it is none we accept. */
export function detectImage(head: Uint8Array): ImageKind | undefined {
  if (head.length >= 8 && head[0] === 0x89 && ascii(head, 1, 4) === 'PNG' && head[4] === 0x0d && head[5] === 0x0a) return 'png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (
    head.length >= 4 &&
    ((ascii(head, 0, 2) === 'II' && head[2] === 42 && head[3] === 0) || (ascii(head, 0, 2) === 'MM' && head[2] === 0 && head[3] === 42))
  ) {
    return 'tiff';
  }
  if (head.length >= 2 && ascii(head, 0, 2) === 'BM') return 'bmp';
  return undefined;
}
