// Where a model's time goes, kernel by kernel (issue 17: what keeps a backend below the paper's speed).
// tf.profile records every kernel a function runs with its input shapes and time; this groups them by
// kernel name (or name and input shapes) into a table of calls, milliseconds and share of the kernel
// total. Backends that cannot time kernels (WebGPU without timestamp queries) still give the counts.
import * as tf from '@tensorflow/tfjs';

/** One kernel call as tf.profile reports it, its time resolved (null: the backend could not time it). */
export interface KernelCall {
  name: string;
  ms: number | null;
  inputShapes: readonly (readonly number[] | null)[];
}

export interface KernelRow {
  /** The kernel's name, followed by its input shapes when grouped by shape. */
  kernel: string;
  calls: number;
  /** Summed kernel time (0 when the backend could not time kernels). */
  ms: number;
  /** ms / the kernel total (0 without times). */
  share: number;
  /** Up to three distinct input-shape lists seen, as `[8,216,256] [256,256]`. */
  shapes: string[];
}

export interface KernelProfile {
  /** Wall time of the profiled run, profiling overhead included. */
  wallMs: number;
  calls: number;
  /** Sum of the kernel times; null when the backend could not time them. */
  kernelMs: number | null;
  /** Why kernel times are missing, as the backend said. */
  timesUnavailable?: string;
  /** Heaviest first (by time, then by calls). */
  rows: KernelRow[];
}

export interface SummariseOptions {
  /** One row per kernel name and input shapes instead of per kernel name. */
  byShape?: boolean;
}

const shapeText = (shapes: readonly (readonly number[] | null)[]) => shapes.map((s) => (s === null ? '?' : `[${s.join(',')}]`)).join(' ');

export function summariseKernels(calls: readonly KernelCall[], options: SummariseOptions = {}): Omit<KernelProfile, 'wallMs' | 'timesUnavailable'> {
  const timed = calls.length > 0 && calls.every((c) => c.ms !== null);
  const kernelMs = timed ? calls.reduce((sum, c) => sum + (c.ms as number), 0) : null;
  const groups = new Map<string, { calls: number; ms: number; shapes: Set<string> }>();
  for (const call of calls) {
    const shapes = shapeText(call.inputShapes);
    const key = options.byShape ? `${call.name} ${shapes}` : call.name;
    const group = groups.get(key) ?? { calls: 0, ms: 0, shapes: new Set<string>() };
    group.calls += 1;
    group.ms += timed ? (call.ms as number) : 0;
    if (group.shapes.size < 3) group.shapes.add(shapes);
    groups.set(key, group);
  }
  const rows = [...groups].map(([kernel, g]) => ({
    kernel,
    calls: g.calls,
    ms: g.ms,
    share: kernelMs ? g.ms / kernelMs : 0,
    shapes: [...g.shapes],
  }));
  rows.sort((a, b) => b.ms - a.ms || b.calls - a.calls || a.kernel.localeCompare(b.kernel));
  return { calls: calls.length, kernelMs, rows };
}

/** Runs `run` once under tf.profile and summarises its kernels; what `run` returns is disposed. */
export async function profileKernels(run: () => Promise<tf.TensorContainer> | tf.TensorContainer, options: SummariseOptions = {}): Promise<KernelProfile> {
  const started = performance.now();
  const info = await tf.profile(run);
  const wallMs = performance.now() - started;
  tf.dispose(info.result);
  let timesUnavailable: string | undefined;
  const calls: KernelCall[] = [];
  for (const kernel of info.kernels) {
    const time = await kernel.kernelTimeMs;
    if (typeof time !== 'number') timesUnavailable ??= time.error;
    calls.push({ name: kernel.name, ms: typeof time === 'number' ? time : null, inputShapes: kernel.inputShapes });
  }
  return { wallMs, ...summariseKernels(calls, options), ...(timesUnavailable === undefined ? {} : { timesUnavailable }) };
}
