// Pixel maps as stored with frame scores: per-frame slices of a batch's maps, quantised to bytes where
// b stands for b/255 · scale (values above scale saturate). Shared by the tfjs and ONNX engines.
import type { FrameMaps } from './frame-score';

export function quantiseMap(values: Float32Array, scale: number): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.round(Math.min(1, Math.max(0, values[i] / scale)) * 255);
  return out;
}

export interface BatchMaps {
  /** [B, height, width] teacher error values. */
  teacherError: Float32Array;
  /** [B, height, width] teacher–student discrepancy, or null without a student. */
  discrepancy: Float32Array | null;
  width: number;
  height: number;
  scale: number;
}

/** The maps of frame `i` of the batch. */
export function frameMapsAt(maps: BatchMaps, i: number): FrameMaps {
  const { width, height, scale } = maps;
  const cells = width * height;
  const slice = (values: Float32Array) => quantiseMap(values.subarray(i * cells, (i + 1) * cells), scale);
  return { width, height, scale, teacherError: slice(maps.teacherError), discrepancy: maps.discrepancy === null ? null : slice(maps.discrepancy) };
}
