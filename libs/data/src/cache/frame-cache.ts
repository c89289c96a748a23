// A disk cache of decoded frames: one file per video and preprocessing setting, holding every frame as
// uint8 at the model's size, so that epochs after the first decode no video. Entries are keyed by the
// video's content checksum and the preprocessing parameters (a change of either reads a different
// entry, built anew), written under a temporary name and renamed, so a crash never leaves a half entry.
import { randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { DataError, DataErrorCode } from '../data.error';
import { CHANNELS_OF, type ColourMode } from '../decode/frame-decoder';
import type { FrameStore } from './frame-store';

/** Bumped whenever the decoding or the file layout changes, which invalidates every entry. */
export const FRAME_CACHE_FORMAT = 1;
const MAGIC = 'VADFRMS\n';
const HEADER_BYTES = 512;

export interface FrameCacheKey {
  /** sha256 of the source video (ImportedVideo.checksum). */
  checksum: string;
  width: number;
  height: number;
  colour: ColourMode;
  /** A filter applied after resizing: 'median3x3' stores the paper's pre-filtered frames for motion gradients. */
  filter?: 'median3x3';
}

interface EntryHeader extends FrameCacheKey {
  format: number;
  resize: 'bilinear';
  frameCount: number;
}

/** Frames of one cache entry, read by position from the open file. */
export class CachedFrames implements FrameStore {
  readonly channels: number;
  private readonly frameSize: number;

  constructor(
    readonly name: string,
    readonly path: string,
    private readonly handle: FileHandle,
    readonly width: number,
    readonly height: number,
    colour: ColourMode,
    readonly frameCount: number,
  ) {
    this.channels = CHANNELS_OF[colour];
    this.frameSize = width * height * this.channels;
  }

  async readFrame(index: number): Promise<Uint8Array> {
    if (!Number.isInteger(index) || index < 0 || index >= this.frameCount) throw new RangeError(`${this.path} has no frame ${index} (0–${this.frameCount - 1})`);
    const frame = new Uint8Array(this.frameSize);
    const { bytesRead } = await this.handle.read(frame, 0, this.frameSize, HEADER_BYTES + index * this.frameSize);
    if (bytesRead !== this.frameSize) throw new DataError(DataErrorCode.CacheCorrupt, `${this.path} ends inside frame ${index}; delete it to rebuild`, this.path);
    return frame;
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

export class FrameCache {
  constructor(readonly root: string) {}

  /** Where the entry of a key lives: one folder per video, one file per preprocessing setting. */
  entryPath(key: FrameCacheKey): string {
    if (!/^[0-9a-f]{16,}$/.test(key.checksum)) throw new DataError(DataErrorCode.InvalidOptions, `frame cache key needs a hex checksum, got "${key.checksum}"`);
    const filter = key.filter === undefined ? '' : `-${key.filter}`;
    return path.join(this.root, key.checksum, `${key.width}x${key.height}-${key.colour}-bilinear${filter}-v${FRAME_CACHE_FORMAT}.frames`);
  }

  /** The cached frames of a key, or undefined when there is no valid entry (a damaged entry is removed). */
  async open(key: FrameCacheKey, name = key.checksum.slice(0, 12)): Promise<CachedFrames | undefined> {
    const file = this.entryPath(key);
    const handle = await open(file, 'r').catch(() => undefined);
    if (handle === undefined) return undefined;
    const header = await readHeader(handle).catch(() => undefined);
    const { size } = await handle.stat();
    const frameSize = key.width * key.height * CHANNELS_OF[key.colour];
    const valid =
      header !== undefined &&
      header.format === FRAME_CACHE_FORMAT &&
      header.checksum === key.checksum &&
      header.width === key.width &&
      header.height === key.height &&
      header.colour === key.colour &&
      header.filter === key.filter &&
      size === HEADER_BYTES + header.frameCount * frameSize;
    if (!valid) {
      await handle.close();
      await rm(file, { force: true });
      return undefined;
    }
    return new CachedFrames(name, file, handle, key.width, key.height, key.colour, header.frameCount);
  }

  /** Writes an entry from a stream of frames (temporary file, then rename) and opens it. */
  async build(key: FrameCacheKey, frames: AsyncIterable<Uint8Array>, name?: string): Promise<CachedFrames> {
    const file = this.entryPath(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    const handle = await open(temp, 'w');
    const frameSize = key.width * key.height * CHANNELS_OF[key.colour];
    let frameCount = 0;
    try {
      await handle.write(Buffer.alloc(HEADER_BYTES), 0, HEADER_BYTES, 0);
      for await (const frame of frames) {
        if (frame.length !== frameSize) throw new DataError(DataErrorCode.InvalidOptions, `frame ${frameCount} has ${frame.length} values, expected ${frameSize}`, file);
        await handle.write(frame, 0, frameSize, HEADER_BYTES + frameCount * frameSize);
        frameCount += 1;
      }
      const header: EntryHeader = { ...key, format: FRAME_CACHE_FORMAT, resize: 'bilinear', frameCount };
      await handle.write(encodeHeader(header), 0, HEADER_BYTES, 0);
      await handle.close();
      await rename(temp, file);
    } catch (error) {
      await handle.close().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    const opened = await this.open(key, name);
    if (opened === undefined) throw new DataError(DataErrorCode.CacheCorrupt, `${file} could not be read back after writing`, file);
    return opened;
  }

  /** Removes every entry of one video (all preprocessing settings). */
  async evict(checksum: string): Promise<void> {
    await rm(path.join(this.root, checksum), { recursive: true, force: true });
  }

  /** Total bytes held by the cache. */
  async sizeBytes(): Promise<number> {
    let total = 0;
    for (const dir of await readdir(this.root).catch(() => [] as string[])) {
      for (const entry of await readdir(path.join(this.root, dir)).catch(() => [] as string[])) total += (await stat(path.join(this.root, dir, entry))).size;
    }
    return total;
  }
}

function encodeHeader(header: EntryHeader): Buffer {
  const buffer = Buffer.alloc(HEADER_BYTES, 0x20);
  const json = JSON.stringify(header);
  buffer.write(MAGIC, 0, 'latin1');
  buffer.writeUInt32LE(json.length, 8);
  buffer.write(json, 12, 'utf8');
  return buffer;
}

async function readHeader(handle: FileHandle): Promise<EntryHeader> {
  const buffer = Buffer.alloc(HEADER_BYTES);
  await handle.read(buffer, 0, HEADER_BYTES, 0);
  if (buffer.toString('latin1', 0, 8) !== MAGIC) throw new Error('not a frame cache entry');
  const length = buffer.readUInt32LE(8);
  return JSON.parse(buffer.toString('utf8', 12, 12 + length)) as EntryHeader;
}
