// Token maps of one inference run on one video, in one file: a JSON header, then for every frame each
// component's map as width·height float32 values (little-endian). Written frame by frame under a
// temporary name and renamed; read one frame, or the whole volume (what a protocol's 3D filter needs).
// Version 1 files (bytes quantised at a fixed scale, frame channels only) are refused with advice.
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import { DataError, DataErrorCode } from '../data.error';

const MAGIC = 'VADMAPS2';
const OLDER_MAGIC = 'VADMAPS1';
const HEADER_BYTES = 512;
const VALUE_BYTES = 4;

export type MapComponentName = 'teacherError' | 'discrepancy';

export interface AnomalyMapHeader {
  width: number;
  height: number;
  components: MapComponentName[];
  frameCount: number;
}

/** Every frame's maps of a video, component by component. */
export interface AnomalyMapVolume {
  header: AnomalyMapHeader;
  teacherError: Float32Array[];
  /** null when the file has no discrepancy maps (a model without a student). */
  discrepancy: Float32Array[] | null;
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
    const temp = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    const handle = await open(temp, 'w');
    await handle.write(Buffer.alloc(HEADER_BYTES), 0, HEADER_BYTES, 0);
    return new AnomalyMapWriter(handle, temp, target, header);
  }

  /** Appends one frame: one map per component, in the header's order. */
  async append(maps: Record<MapComponentName, Float32Array | null>): Promise<void> {
    const cells = this.header.width * this.header.height;
    const { components } = this.header;
    const frame = Buffer.alloc(components.length * cells * VALUE_BYTES);
    components.forEach((component, k) => {
      const map = maps[component];
      if (!map || map.length !== cells) throw new DataError(DataErrorCode.InvalidOptions, `map ${component} of frame ${this.frames} must have ${cells} values`, this.target);
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

function valuesAt(buffer: Buffer, offset: number, count: number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = buffer.readFloatLE(offset + i * VALUE_BYTES);
  return out;
}

/** One frame's map of one component. */
export async function readAnomalyMap(file: string, frame: number, component: MapComponentName): Promise<{ header: AnomalyMapHeader; map: Float32Array }> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(HEADER_BYTES);
    await handle.read(head, 0, HEADER_BYTES, 0);
    const header = parseHeader(head, file);
    const index = header.components.indexOf(component);
    if (index < 0) throw new DataError(DataErrorCode.InvalidOptions, `${file} has no ${component} maps`, file);
    if (!Number.isInteger(frame) || frame < 0 || frame >= header.frameCount) throw new RangeError(`frame ${frame} is outside 0..${header.frameCount - 1}`);
    const cells = header.width * header.height;
    const buffer = Buffer.alloc(cells * VALUE_BYTES);
    await handle.read(buffer, 0, buffer.length, HEADER_BYTES + (frame * header.components.length + index) * cells * VALUE_BYTES);
    return { header, map: valuesAt(buffer, 0, cells) };
  } finally {
    await handle.close();
  }
}

/** Every frame's maps (token maps are small: a 10,000-frame video at 800 tokens is 32 MB per component). */
export async function readAnomalyMapVolume(file: string): Promise<AnomalyMapVolume> {
  const buffer = await readFile(file);
  const header = parseHeader(buffer, file);
  const cells = header.width * header.height;
  const frameBytes = header.components.length * cells * VALUE_BYTES;
  if (buffer.length < HEADER_BYTES + header.frameCount * frameBytes) {
    throw new DataError(DataErrorCode.CacheCorrupt, `${file} is truncated: ${header.frameCount} frames announced, fewer stored`, file);
  }
  const component = (name: MapComponentName) => {
    const k = header.components.indexOf(name);
    if (k < 0) return null;
    return Array.from({ length: header.frameCount }, (_, f) => valuesAt(buffer, HEADER_BYTES + f * frameBytes + k * cells * VALUE_BYTES, cells));
  };
  const teacherError = component('teacherError');
  if (teacherError === null) throw new DataError(DataErrorCode.CacheCorrupt, `${file} has no teacher-error maps`, file);
  return { header, teacherError, discrepancy: component('discrepancy') };
}

/** One frame's map in the shape libs/metrics works on. */
export interface TokenMap {
  width: number;
  height: number;
  data: Float32Array;
}

/**
 * A run's raw components as libs/metrics' protocols take them (MapComponents): its token maps from the
 * file and its classifier values per frame (none when the model has no head).
 */
export async function readMapComponents(
  file: string,
  classifierValues: readonly number[],
): Promise<{ teacherError: TokenMap[]; discrepancy: TokenMap[] | null; classifier: readonly number[] | null }> {
  const volume = await readAnomalyMapVolume(file);
  const { width, height, frameCount } = volume.header;
  const classifier = classifierValues.length === 0 ? null : classifierValues;
  if (classifier !== null && classifier.length !== frameCount) {
    throw new DataError(DataErrorCode.CacheCorrupt, `${file} has maps of ${frameCount} frames but the run has ${classifier.length} classifier values`, file);
  }
  const maps = (frames: Float32Array[]) => frames.map((data) => ({ width, height, data }));
  return { teacherError: maps(volume.teacherError), discrepancy: volume.discrepancy === null ? null : maps(volume.discrepancy), classifier };
}
