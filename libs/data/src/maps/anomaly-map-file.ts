// Pixel anomaly maps of one inference run on one video, in one file: a JSON header, then for every frame
// each component's map as width·height bytes. Written frame by frame under a temporary name and renamed;
// read one frame at a time, so serving a map never loads the whole volume.
import { randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { DataError, DataErrorCode } from '../data.error';

const MAGIC = 'VADMAPS1';
const HEADER_BYTES = 512;

export type MapComponentName = 'teacherError' | 'discrepancy';

export interface AnomalyMapHeader {
  width: number;
  height: number;
  /** A byte b stands for b/255 · scale. */
  scale: number;
  components: MapComponentName[];
  frameCount: number;
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
  async append(maps: Record<MapComponentName, Uint8Array | null>): Promise<void> {
    const size = this.header.width * this.header.height;
    for (const component of this.header.components) {
      const map = maps[component];
      if (!map || map.length !== size) throw new DataError(DataErrorCode.InvalidOptions, `map ${component} of frame ${this.frames} must have ${size} bytes`, this.target);
      await this.handle.write(map, 0, size, HEADER_BYTES + (this.frames * this.header.components.length + this.header.components.indexOf(component)) * size);
    }
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

export async function readAnomalyMapHeader(file: string): Promise<AnomalyMapHeader> {
  const handle = await open(file, 'r');
  try {
    return await headerOf(handle, file);
  } finally {
    await handle.close();
  }
}

async function headerOf(handle: FileHandle, file: string): Promise<AnomalyMapHeader> {
  const buffer = Buffer.alloc(HEADER_BYTES);
  await handle.read(buffer, 0, HEADER_BYTES, 0);
  const text = buffer.toString('utf8').replace(/\0+$/, '');
  if (!text.startsWith(MAGIC)) throw new DataError(DataErrorCode.CacheCorrupt, `${file} is not an anomaly-map file`, file);
  return JSON.parse(text.slice(MAGIC.length)) as AnomalyMapHeader;
}

/** One frame's map of one component, width·height bytes. */
export async function readAnomalyMap(file: string, frame: number, component: MapComponentName): Promise<{ header: AnomalyMapHeader; map: Uint8Array }> {
  const handle = await open(file, 'r');
  try {
    const header = await headerOf(handle, file);
    const index = header.components.indexOf(component);
    if (index < 0) throw new DataError(DataErrorCode.InvalidOptions, `${file} has no ${component} maps`, file);
    if (!Number.isInteger(frame) || frame < 0 || frame >= header.frameCount) throw new RangeError(`frame ${frame} is outside 0..${header.frameCount - 1}`);
    const size = header.width * header.height;
    const map = new Uint8Array(size);
    await handle.read(map, 0, size, HEADER_BYTES + (frame * header.components.length + index) * size);
    return { header, map };
  } finally {
    await handle.close();
  }
}
