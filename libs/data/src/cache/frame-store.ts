// Random access to the decoded frames of one video at the model's size: what batching and synthetic
// anomaly sources read. The disk cache implements it; tests and previews use the in-memory store.

export interface FrameStore {
  readonly name: string;
  readonly frameCount: number;
  readonly width: number;
  readonly height: number;
  /** 1 (gray) or 3 (RGB), interleaved. */
  readonly channels: number;
  /** Frame `index` as height × width × channels uint8 values; the caller may keep or modify it. */
  readFrame(index: number): Promise<Uint8Array>;
}

export class InMemoryFrameStore implements FrameStore {
  readonly frameCount: number;

  constructor(
    readonly name: string,
    readonly width: number,
    readonly height: number,
    readonly channels: number,
    private readonly frames: readonly Uint8Array[],
  ) {
    this.frameCount = frames.length;
    const size = width * height * channels;
    frames.forEach((f, i) => {
      if (f.length !== size) throw new RangeError(`frame ${i} of ${name} has ${f.length} values, expected ${size}`);
    });
  }

  async readFrame(index: number): Promise<Uint8Array> {
    const frame = this.frames[index];
    if (frame === undefined) throw new RangeError(`${this.name} has no frame ${index} (0–${this.frameCount - 1})`);
    return frame.slice();
  }
}
