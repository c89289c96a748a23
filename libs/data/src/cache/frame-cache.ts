// A disk cache of decoded frames: one file per video and preprocessing setting, holding every frame as
// uint8 at the model's size, so that epochs after the first decode no video. Entries are keyed by the
// video's content checksum and the preprocessing parameters (a change of either reads a different
// entry, built anew), written under a temporary name and renamed, so a crash never leaves a half entry.
// The cache keeps to a disk budget: after each build, the least recently used entries that no one in this
// process has open are removed until it fits, and a build that alone would exceed it stops. Concurrent
// requests for one missing entry in this process share one build (one decoder), not one each.
import { randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, readdir, rename, rm, stat, unlink, utimes } from 'node:fs/promises';
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

/** The disk a frame cache may take unless told otherwise. */
export const DEFAULT_FRAME_CACHE_BYTES = 32 * 1024 ** 3;

export interface FrameCacheOptions {
  /** Bytes the cache's entries may take together; least recently used entries go first. */
  maxBytes?: number;
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
    private readonly onClose: () => void = () => undefined,
  ) {
    this.channels = CHANNELS_OF[colour];
    this.frameSize = width * height * this.channels;
  }

  async readFrame(index: number): Promise<Uint8Array> {
    if (!Number.isInteger(index) || index < 0 || index >= this.frameCount)
      throw new RangeError(`${this.path} has no frame ${index} (0–${this.frameCount - 1})`);
    const frame = new Uint8Array(this.frameSize);
    const { bytesRead } = await this.handle.read(frame, 0, this.frameSize, HEADER_BYTES + index * this.frameSize);
    if (bytesRead !== this.frameSize)
      throw new DataError(DataErrorCode.CacheCorrupt, `${this.path} ends inside frame ${index}; delete it to rebuild`, this.path);
    return frame;
  }

  close(): Promise<void> {
    this.onClose();
    return this.handle.close();
  }
}

export class FrameCache {
  readonly maxBytes: number;
  /** Entries being written by this process, by path: later requests wait for them. */
  private readonly building = new Map<string, Promise<void>>();
  /** Entries open in this process (path → count): never evicted, their disk would not be freed anyway. */
  private readonly inUse = new Map<string, number>();

  constructor(
    readonly root: string,
    options: FrameCacheOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? DEFAULT_FRAME_CACHE_BYTES;
  }

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
    // the modification time says when the entry was last used: eviction takes the oldest first
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    this.inUse.set(file, (this.inUse.get(file) ?? 0) + 1);
    const release = () => {
      const left = (this.inUse.get(file) ?? 1) - 1;
      if (left > 0) this.inUse.set(file, left);
      else this.inUse.delete(file);
    };
    return new CachedFrames(name, file, handle, key.width, key.height, key.colour, header.frameCount, release);
  }

  /** Writes an entry from a stream of frames (temporary file, then rename) and opens it. */
  async build(key: FrameCacheKey, frames: AsyncIterable<Uint8Array>, name?: string): Promise<CachedFrames> {
    await this.write(key, frames, name);
    return this.openWritten(key, name);
  }

  /**
   * The cached frames of a key, built from `frames()` when there is no entry. Requests for a key whose
   * build is under way in this process wait for it (and share its failure) instead of decoding again.
   */
  async openOrBuild(key: FrameCacheKey, frames: () => AsyncIterable<Uint8Array>, name?: string): Promise<CachedFrames> {
    const file = this.entryPath(key);
    if (!this.building.has(file)) {
      const cached = await this.open(key, name);
      if (cached !== undefined) return cached;
    }
    let writing = this.building.get(file);
    if (writing === undefined) {
      writing = this.write(key, frames(), name).finally(() => this.building.delete(file));
      this.building.set(file, writing);
    }
    await writing;
    return this.openWritten(key, name);
  }

  private async openWritten(key: FrameCacheKey, name: string | undefined): Promise<CachedFrames> {
    const opened = await this.open(key, name);
    const file = this.entryPath(key);
    if (opened === undefined) throw new DataError(DataErrorCode.CacheCorrupt, `${file} could not be read back after writing`, file);
    return opened;
  }

  private async write(key: FrameCacheKey, frames: AsyncIterable<Uint8Array>, name = key.checksum.slice(0, 12)): Promise<void> {
    const file = this.entryPath(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    const handle = await open(temp, 'w');
    const frameSize = key.width * key.height * CHANNELS_OF[key.colour];
    let frameCount = 0;
    try {
      await handle.write(Buffer.alloc(HEADER_BYTES), 0, HEADER_BYTES, 0);
      for await (const frame of frames) {
        if (frame.length !== frameSize)
          throw new DataError(DataErrorCode.InvalidOptions, `frame ${frameCount} has ${frame.length} values, expected ${frameSize}`, file);
        if (HEADER_BYTES + (frameCount + 1) * frameSize > this.maxBytes) {
          throw new DataError(
            DataErrorCode.CacheBudgetExceeded,
            `the decoded frames of ${name} need more than the frame cache's budget of ${this.maxBytes} bytes; decode at a smaller size or shorten the video`,
            file,
          );
        }
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
    await this.trim(file);
  }

  /** Removes least recently used entries (not `keep`, not open here) until the cache fits its budget. */
  async trim(keep?: string): Promise<void> {
    await this.shrinkTo(this.maxBytes, keep);
  }

  /**
   * Removes every entry that is not open here and not being built: the space a user can get back. Returns the
   * bytes freed; entries are decoded again when next needed.
   */
  async clear(): Promise<number> {
    const before = await this.sizeBytes();
    await this.shrinkTo(0);
    return before - (await this.sizeBytes());
  }

  private async shrinkTo(budget: number, keep?: string): Promise<void> {
    const entries: { file: string; size: number; usedAt: number }[] = [];
    let total = 0;
    for (const dir of await readdir(this.root).catch(() => [] as string[])) {
      for (const name of await readdir(path.join(this.root, dir)).catch(() => [] as string[])) {
        const file = path.join(this.root, dir, name);
        const info = await stat(file).catch(() => undefined);
        if (info === undefined) continue;
        total += info.size;
        // temporary files are builds under way (here or in another process): counted, not removed
        if (!name.endsWith('.tmp') && file !== keep && !this.inUse.has(file)) entries.push({ file, size: info.size, usedAt: info.mtimeMs });
      }
    }
    entries.sort((a, b) => a.usedAt - b.usedAt);
    for (const entry of entries) {
      if (total <= budget) break;
      await rm(entry.file, { force: true });
      total -= entry.size;
    }
  }

  /** Removes every entry of one video (all preprocessing settings). */
  async evict(checksum: string): Promise<void> {
    await rm(path.join(this.root, checksum), { recursive: true, force: true });
  }

  /** Total bytes held by the cache. */
  async sizeBytes(): Promise<number> {
    let total = 0;
    for (const dir of await readdir(this.root).catch(() => [] as string[])) {
      for (const entry of await readdir(path.join(this.root, dir)).catch(() => [] as string[])) {
        // an entry removed meanwhile (trimmed by another process) counts for nothing
        total += (await stat(path.join(this.root, dir, entry)).catch(() => ({ size: 0 }))).size;
      }
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
