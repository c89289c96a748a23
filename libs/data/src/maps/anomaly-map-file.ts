// Token maps of one inference run on one video, in one file: a JSON header, then for every frame each
// stored map (a channel group of a component, e.g. `teacherError.frame`) as width·height float32 values,
// little-endian. Written frame by frame under a temporary name and renamed; read as a whole volume, which
// is what a protocol's 3D filter needs (token maps are small: a 10,000-frame video at 800 tokens is 32 MB
// per map). Version 1 files (bytes quantised at a fixed scale, frame channels only) are refused with advice.
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import { DataError, DataErrorCode } from '../data.error';

const MAGIC = 'VADMAPS2';
const OLDER_MAGIC = 'VADMAPS1';
const HEADER_BYTES = 512;
const VALUE_BYTES = 4;

export const MAP_NAMES = ['teacherError.frame', 'teacherError.anomalyMap', 'discrepancy.frame', 'discrepancy.anomalyMap'] as const;
export type MapName = (typeof MAP_NAMES)[number];

export interface AnomalyMapHeader {
  width: number;
  height: number;
  /** Frame channels c of the model: the `frame` groups' weight in a component's mean over its c + 1 channels. */
  frameChannels: number;
  /** The maps stored per frame, in this order. */
  maps: MapName[];
  frameCount: number;
}

/** One frame's map in the shape libs/metrics works on. */
export interface TokenMap {
  width: number;
  height: number;
  data: Float32Array;
}

/** A channel group's maps over the video (libs/metrics ChannelGroup). */
export interface StoredChannelGroup {
  channels: number;
  maps: TokenMap[];
}

/** A run's raw components as libs/metrics' protocols take them (MapComponents). */
export interface StoredMapComponents {
  teacherError: Record<string, StoredChannelGroup>;
  discrepancy: Record<string, StoredChannelGroup> | null;
  classifier: readonly number[] | null;
}

export class AnomalyMapWriter {
  private frames = 0;
  private constructor(
    private readonly handle: FileHandle,
    private readonly temp: string,
    private readonly target: string,
    private readonly header: Omit<AnomalyMapHeader, 'frameCount'>,
  ) {}

  static async create(target: string, header: Omit<AnomalyMapHeader, 'frameCount'>): Promise<AnomalyMapWriter> {
    if (!header.maps.includes('teacherError.frame'))
      throw new DataError(DataErrorCode.InvalidOptions, 'an anomaly-map file needs teacherError.frame maps', target);
    const temp = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    const handle = await open(temp, 'w');
    await handle.write(Buffer.alloc(HEADER_BYTES), 0, HEADER_BYTES, 0);
    return new AnomalyMapWriter(handle, temp, target, header);
  }

  /** Appends one frame: one map per name of the header. */
  async append(maps: Partial<Record<MapName, Float32Array | null>>): Promise<void> {
    const cells = this.header.width * this.header.height;
    const names = this.header.maps;
    const frame = Buffer.alloc(names.length * cells * VALUE_BYTES);
    names.forEach((name, k) => {
      const map = maps[name];
      if (!map || map.length !== cells)
        throw new DataError(DataErrorCode.InvalidOptions, `map ${name} of frame ${this.frames} must have ${cells} values`, this.target);
      for (let i = 0; i < cells; i++) frame.writeFloatLE(map[i], (k * cells + i) * VALUE_BYTES);
    });
    await this.handle.write(frame, 0, frame.length, HEADER_BYTES + this.frames * frame.length);
    this.frames += 1;
  }

  async finish(): Promise<void> {
    const header = Buffer.alloc(HEADER_BYTES);
    header.write(MAGIC + JSON.stringify({ ...this.header, frameCount: this.frames }), 'utf8');
    await this.handle.write(header, 0, HEADER_BYTES, 0);
    await this.handle.close();
    await rename(this.temp, this.target);
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await unlink(this.temp).catch(() => undefined);
  }
}

function parseHeader(buffer: Buffer, file: string): AnomalyMapHeader {
  const text = buffer.subarray(0, HEADER_BYTES).toString('utf8').replace(/\0+$/, '');
  if (text.startsWith(OLDER_MAGIC)) {
    throw new DataError(DataErrorCode.CacheCorrupt, `${file} holds anomaly maps of an older format (quantised bytes); run inference again to score it`, file);
  }
  if (!text.startsWith(MAGIC)) throw new DataError(DataErrorCode.CacheCorrupt, `${file} is not an anomaly-map file`, file);
  return JSON.parse(text.slice(MAGIC.length)) as AnomalyMapHeader;
}

export async function readAnomalyMapHeader(file: string): Promise<AnomalyMapHeader> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    await handle.read(buffer, 0, HEADER_BYTES, 0);
    return parseHeader(buffer, file);
  } finally {
    await handle.close();
  }
}

/**
 * A run's components: every stored map of the file, grouped by component, and its classifier values per
 * frame (an empty list when the model has no classification head).
 */
export async function readMapComponents(file: string, classifierValues: readonly number[]): Promise<StoredMapComponents> {
  const buffer = await readFile(file);
  const header = parseHeader(buffer, file);
  const { width, height, frameCount, frameChannels } = header;
  const cells = width * height;
  const frameBytes = header.maps.length * cells * VALUE_BYTES;
  if (buffer.length < HEADER_BYTES + frameCount * frameBytes) {
    throw new DataError(DataErrorCode.CacheCorrupt, `${file} is truncated: ${frameCount} frames announced, fewer stored`, file);
  }
  const classifier = classifierValues.length === 0 ? null : classifierValues;
  if (classifier !== null && classifier.length !== frameCount) {
    throw new DataError(DataErrorCode.CacheCorrupt, `${file} has maps of ${frameCount} frames but the run has ${classifier.length} classifier values`, file);
  }
  const groupsOf = (component: 'teacherError' | 'discrepancy'): Record<string, StoredChannelGroup> => {
    const groups: Record<string, StoredChannelGroup> = {};
    header.maps.forEach((name, k) => {
      const [owner, group] = name.split('.');
      if (owner !== component) return;
      const maps = Array.from({ length: frameCount }, (_, f) => {
        const data = new Float32Array(cells);
        const offset = HEADER_BYTES + f * frameBytes + k * cells * VALUE_BYTES;
        for (let i = 0; i < cells; i++) data[i] = buffer.readFloatLE(offset + i * VALUE_BYTES);
        return { width, height, data };
      });
      groups[group] = { channels: group === 'frame' ? frameChannels : 1, maps };
    });
    return groups;
  };
  const discrepancy = groupsOf('discrepancy');
  return { teacherError: groupsOf('teacherError'), discrepancy: Object.keys(discrepancy).length === 0 ? null : discrepancy, classifier };
}
