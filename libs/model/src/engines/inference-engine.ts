// One interface over the runtimes that can execute a detector's inference graph (issue 8): `tfjs`
// (any tfjs backend: tensorflow, webgpu, wasm, cpu) and `onnx` (ONNX Runtime on CPU, or its CUDA provider).
// Both return the raw per-frame components of eq. 6, so callers can swap them.
import type { FrameScore } from '../inference/frame-score';
import type { FrameInput } from '../inference/stack-frames';

export const ENGINE_NAMES = ['tfjs', 'onnx'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export function isEngineName(name: string): name is EngineName {
  return (ENGINE_NAMES as readonly string[]).includes(name);
}

/** A prepared n×n float32 matrix product on an engine, for measuring its peak throughput. */
export interface MatMulProbe {
  /** Multiply–add count is size³ (2·size³ FLOPs). */
  readonly size: number;
  /** One product, awaited to completion with its result on the host. */
  run(): Promise<void>;
  dispose(): Promise<void>;
}

export interface InferenceEngine {
  readonly name: EngineName;
  /** What executes the graph, e.g. `tfjs/wasm` or `onnx/cpu`. */
  readonly device: string;
  /** Per-frame components and token maps of frames t with their neighbours, as scoreFrames computes them. */
  score(input: FrameInput): Promise<FrameScore[]>;
  /** The same engine's dense matrix product, the yardstick for "near the hardware's limit". */
  matMulProbe(size: number): Promise<MatMulProbe>;
  dispose(): Promise<void>;
}
