// Per-frame token maps out of a batch's [B, height, width] arrays; shared by the tfjs and ONNX engines.
import type { TokenMaps } from './frame-score';

export interface BatchTokenMaps {
  /** [B, height, width] teacher-error values. */
  teacherError: Float32Array;
  /** [B, height, width] discrepancy values, or null without a student. */
  discrepancy: Float32Array | null;
  width: number;
  height: number;
}

/** The maps of frame `i` of the batch (copies: the batch arrays may be reused). */
export function tokenMapsAt(maps: BatchTokenMaps, i: number): TokenMaps {
  const { width, height } = maps;
  const cells = width * height;
  const slice = (values: Float32Array) => values.slice(i * cells, (i + 1) * cells);
  return { width, height, teacherError: slice(maps.teacherError), discrepancy: maps.discrepancy === null ? null : slice(maps.discrepancy) };
}
