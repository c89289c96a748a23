// Streaming inference (issue 8): several frame streams (videos, camera feeds) share one engine with
// dynamic batching. Each stream is read ahead into a bounded queue while the engine computes, and the
// next batch is assembled from whichever streams have frames ready while the current one runs; results
// go back to their stream in order. Plain async overlap suffices: ONNX Runtime runs off the main thread,
// so decoding (ffmpeg, a child process) and preprocessing proceed during session.run.
// Batches mix streams and frame indices, so the engine must not depend on them: masking off (the ONNX
// graph, and TfjsInferenceEngine's default). Seeded masks and pixel maps stay with scoreVideo.
import type { ModelConfig } from '../config/model-config';
import type { InferenceEngine } from '../engines/inference-engine';
import type { FrameScore } from '../inference/frame-score';
import { NEIGHBOUR_OFFSET } from '../inference/score-video';
import type { FrameInput } from '../inference/stack-frames';
import { ModelError, ModelErrorCode } from '../model.error';
import { NeighbourWindow, type StackedFrame } from './neighbour-window';

export interface StreamScorerOptions {
  /** Most frames per engine call (default 16). */
  batchSize?: number;
  /** Stacked frames read ahead per stream (default 2 × batchSize); the bound on its buffered frames. */
  prefetch?: number;
  /** How long a partial batch waits for more frames before it runs anyway (default 10 ms). */
  maxDelayMs?: number;
  /** Called after each batch with a stream's scores for consecutive frames from `firstIndex`. */
  onScores?: (stream: number, firstIndex: number, scores: FrameScore[]) => void;
  /** Keep every score and return them per stream (default true; false for endless streams). */
  collect?: boolean;
  /** Checked between batches; scoring stops with the signal's reason. */
  signal?: AbortSignal;
}

interface StreamState {
  queue: StackedFrame[];
  done: boolean;
  results: FrameScore[];
}

interface BatchEntry {
  stream: number;
  item: StackedFrame;
}

/** Resolves every waiter on notify; a waiter registered after a notify waits for the next one. */
class Wakeup {
  private waiters: Array<() => void> = [];

  wait(timeoutMs?: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = timeoutMs === undefined ? undefined : setTimeout(resolve, timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

function concat(arrays: Float32Array[]): Float32Array {
  const size = arrays[0].length;
  const out = new Float32Array(arrays.length * size);
  arrays.forEach((a, k) => out.set(a, k * size));
  return out;
}

/**
 * Scores every frame of every stream (frames at the model's input size in [−1, 1]); per stream, the
 * same components scoreVideo gives with masking off. Buffered per stream: at most `prefetch` stacked
 * frames plus the 2·3 + 1 of the neighbour window, besides the batch running and the one being assembled.
 */
export async function scoreStreams(
  engine: InferenceEngine,
  config: Pick<ModelConfig, 'temporalInput'>,
  streams: ReadonlyArray<AsyncIterable<Float32Array> | Iterable<Float32Array>>,
  options: StreamScorerOptions = {},
): Promise<FrameScore[][]> {
  const batchSize = options.batchSize ?? 16;
  const prefetch = options.prefetch ?? 2 * batchSize;
  const maxDelayMs = options.maxDelayMs ?? 10;
  const collect = options.collect ?? true;
  if (!(batchSize >= 1 && prefetch >= 1))
    throw new ModelError(ModelErrorCode.InvalidConfig, `batchSize and prefetch must be ≥ 1, got ${batchSize} and ${prefetch}`);
  const stacked = config.temporalInput === 'stack-t3';
  const states: StreamState[] = streams.map(() => ({ queue: [], done: false, results: [] }));
  const ready = new Wakeup();
  const space = new Wakeup();
  let failure: { error: unknown } | null = null;
  let stopped = false;

  const pump = async (source: AsyncIterable<Float32Array> | Iterable<Float32Array>, state: StreamState) => {
    const window = new NeighbourWindow(stacked ? NEIGHBOUR_OFFSET : 0);
    try {
      for await (const frame of source) {
        state.queue.push(...window.push(frame));
        ready.notify();
        while (state.queue.length >= prefetch && !stopped) await space.wait();
        if (stopped) return;
      }
      state.queue.push(...window.finish());
    } catch (error) {
      failure ??= { error };
    } finally {
      state.done = true;
      ready.notify();
    }
  };
  const pumps = streams.map((source, i) => pump(source, states[i]));

  let cursor = 0;
  /** Round robin over the streams with frames ready, one frame at a time, so no stream starves. */
  const take = (): BatchEntry[] => {
    const batch: BatchEntry[] = [];
    while (batch.length < batchSize && states.some((s) => s.queue.length > 0)) {
      const state = states[cursor];
      const item = state.queue.shift();
      if (item !== undefined) batch.push({ stream: cursor, item });
      cursor = (cursor + 1) % states.length;
    }
    space.notify();
    return batch;
  };
  const assemble = async (): Promise<BatchEntry[] | null> => {
    for (;;) {
      if (failure !== null) throw failure.error;
      const waiting = states.reduce((n, s) => n + s.queue.length, 0);
      const live = states.filter((s) => !s.done);
      // A batch runs when full, or when no live stream can add to it (ended, or its read-ahead full).
      if (waiting >= batchSize || (waiting > 0 && live.every((s) => s.queue.length >= prefetch))) return take();
      if (live.length === 0) return waiting > 0 ? take() : null;
      const before = waiting;
      await ready.wait(waiting > 0 ? maxDelayMs : undefined);
      if (waiting > 0 && states.reduce((n, s) => n + s.queue.length, 0) === before && failure === null) return take();
    }
  };
  const run = async (batch: BatchEntry[]) => {
    const items = batch.map((e) => e.item);
    const input: FrameInput = { frames: concat(items.map((s) => s.frame)), count: items.length };
    if (stacked) {
      input.previous = concat(items.map((s) => s.previous));
      input.next = concat(items.map((s) => s.next));
    }
    const scores = await engine.score(input);
    let start = 0;
    for (let k = 1; k <= batch.length; k++) {
      // Report runs of consecutive entries of one stream together.
      if (k < batch.length && batch[k].stream === batch[start].stream && batch[k].item.index === batch[k - 1].item.index + 1) continue;
      const slice = scores.slice(start, k);
      if (collect) states[batch[start].stream].results.push(...slice);
      options.onScores?.(batch[start].stream, batch[start].item.index, slice);
      start = k;
    }
  };

  let running: Promise<void> | null = null;
  try {
    for (;;) {
      options.signal?.throwIfAborted();
      // Assembled while the previous batch runs.
      const batch = await assemble();
      if (running !== null) await running;
      if (batch === null) break;
      options.signal?.throwIfAborted();
      running = run(batch);
      // Awaited on the next turn; marked handled so a failure meanwhile is not reported as unhandled.
      running.catch(() => undefined);
    }
  } finally {
    stopped = true;
    space.notify();
    // The engine may be disposed by the caller as soon as this returns or throws.
    if (running !== null) await running.catch(() => undefined);
    await Promise.all(pumps);
  }
  return states.map((s) => s.results);
}

/** A random-access video as a stream, frame by frame. */
export async function* readerFrames(reader: { frameCount: number; read(index: number): Float32Array | Promise<Float32Array> }): AsyncGenerator<Float32Array> {
  for (let i = 0; i < reader.frameCount; i++) yield await reader.read(i);
}
