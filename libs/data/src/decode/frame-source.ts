// Where a video's frames come from: a video file (one container) or a folder of numbered images.
// Opening a source checks what can be checked without decoding: existence, extension and magic bytes.
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DataError, DataErrorCode } from '../data.error';
import { sortNatural } from './natural-order';
import { type ContainerFamily, detectContainer, detectImage, IMAGE_EXTENSIONS, type ImageKind, MAGIC_BYTES_LENGTH, VIDEO_EXTENSIONS } from './media-type';

export type FrameSource =
  | { kind: 'video'; path: string; container: ContainerFamily }
  /** files: absolute paths in frame order. */
  | { kind: 'frames'; path: string; image: ImageKind; files: string[] };

export async function readHead(file: string, length = MAGIC_BYTES_LENGTH): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function isVideoFileName(name: string): boolean {
  return path.extname(name).toLowerCase() in VIDEO_EXTENSIONS;
}

export function isImageFileName(name: string): boolean {
  return path.extname(name).toLowerCase() in IMAGE_EXTENSIONS && !name.startsWith('.');
}

/** Image files of a folder in natural order (other files, such as Thumbs.db, are ignored). */
export async function listImageFiles(dir: string): Promise<string[]> {
  const names = sortNatural((await readdir(dir)).filter(isImageFileName));
  const files: string[] = [];
  for (const name of names) {
    // Follow symbolic links; skip folders that happen to be named like images.
    if ((await stat(path.join(dir, name)).catch(() => undefined))?.isFile()) files.push(path.join(dir, name));
  }
  return files;
}

/** Opens a video file or a frame folder, refusing unknown extensions and files whose bytes do not match them. */
export async function openFrameSource(sourcePath: string): Promise<FrameSource> {
  const absolute = path.resolve(sourcePath);
  const info = await stat(absolute).catch(() => undefined);
  if (info === undefined) throw new DataError(DataErrorCode.SourceNotFound, `${absolute} does not exist`, absolute);
  if (info.isDirectory()) return openFrameFolder(absolute);
  const extension = path.extname(absolute).toLowerCase();
  const expected = VIDEO_EXTENSIONS[extension];
  if (expected === undefined) {
    throw new DataError(
      DataErrorCode.UnsupportedFormat,
      `${absolute}: unsupported file type "${extension || '(none)'}"; expected one of ${Object.keys(VIDEO_EXTENSIONS).join(', ')} or a folder of frames`,
      absolute,
    );
  }
  if (info.size === 0) throw new DataError(DataErrorCode.ZeroFrames, `${absolute} is empty (0 bytes)`, absolute);
  const found = detectContainer(await readHead(absolute));
  if (found === undefined) {
    throw new DataError(
      DataErrorCode.CorruptVideo,
      `${absolute} is not a video file: its first bytes match no known container (corrupt or mislabelled)`,
      absolute,
    );
  }
  if (found !== expected) {
    throw new DataError(
      DataErrorCode.ContentMismatch,
      `${absolute}: the extension says ${expected} but the content is ${found}; rename the file or re-export it`,
      absolute,
    );
  }
  return { kind: 'video', path: absolute, container: found };
}

async function openFrameFolder(dir: string): Promise<FrameSource> {
  const files = await listImageFiles(dir);
  if (files.length === 0) throw new DataError(DataErrorCode.ZeroFrames, `${dir} contains no frames (png, jpg, tif or bmp files)`, dir);
  const kinds = new Set(files.map((f) => IMAGE_EXTENSIONS[path.extname(f).toLowerCase()]));
  if (kinds.size > 1) {
    throw new DataError(DataErrorCode.UnsupportedFormat, `${dir} mixes image types (${[...kinds].join(', ')}); a frame folder must hold one type`, dir);
  }
  const image = IMAGE_EXTENSIONS[path.extname(files[0]).toLowerCase()];
  return { kind: 'frames', path: dir, image, files };
}

/** Checks one image's bytes against the kind its extension promises. */
export function checkImageBytes(file: string, bytes: Uint8Array, expected: ImageKind): void {
  if (bytes.length === 0) throw new DataError(DataErrorCode.CorruptVideo, `${file} is empty (0 bytes)`, file);
  const found = detectImage(bytes);
  if (found === undefined)
    throw new DataError(DataErrorCode.CorruptVideo, `${file} is not a ${expected} image: its first bytes match no known image type`, file);
  if (found !== expected) throw new DataError(DataErrorCode.ContentMismatch, `${file}: the extension says ${expected} but the content is ${found}`, file);
}
