// Builds the [t−3, t, t+3] stacks of a stream whose length is not known in advance (a camera, or a
// decoder read frame by frame): frame t is released once frame t+3 has arrived, or when the stream
// ends, where a missing neighbour is frame t — the same inputs scoreVideo builds from random access.

export interface StackedFrame {
  index: number;
  frame: Float32Array;
  previous: Float32Array;
  next: Float32Array;
}

export class NeighbourWindow {
  private readonly frames = new Map<number, Float32Array>();
  private received = 0;
  private released = 0;

  /** `offset` 0 (single-frame models) releases every frame at once, as its own neighbour. */
  constructor(private readonly offset: number) {}

  /** Frames held back, waiting for a neighbour or kept as one. */
  get held(): number {
    return this.frames.size;
  }

  push(frame: Float32Array): StackedFrame[] {
    this.frames.set(this.received++, frame);
    const out: StackedFrame[] = [];
    while (this.released + this.offset < this.received) out.push(this.stack(this.released++, Infinity));
    this.forget();
    return out;
  }

  /** The stream ended: the last frames, their t+3 neighbours replaced by frame t. */
  finish(): StackedFrame[] {
    const out: StackedFrame[] = [];
    while (this.released < this.received) out.push(this.stack(this.released++, this.received));
    this.frames.clear();
    return out;
  }

  private stack(t: number, count: number): StackedFrame {
    const frame = this.frames.get(t) as Float32Array;
    const previous = t - this.offset >= 0 ? (this.frames.get(t - this.offset) as Float32Array) : frame;
    const next = t + this.offset < count ? (this.frames.get(t + this.offset) as Float32Array) : frame;
    return { index: t, frame, previous, next };
  }

  /** Frames before released − offset are nobody's neighbour any more. */
  private forget(): void {
    for (const key of this.frames.keys()) if (key < this.released - this.offset) this.frames.delete(key);
  }
}
