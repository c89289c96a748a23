// Per-frame token maps out of a batch's [B, height, width] arrays; shared by the tfjs and ONNX engines.
import type { ComponentTokenMaps, TokenMaps } from './frame-score';

/** A component's maps of a whole batch, by channel group, [B, height, width] each. */
export interface BatchComponentMaps {
  frame: Float32Array;
  anomalyMap: Float32Array | null;
}

export interface BatchTokenMaps {
  teacherError: BatchComponentMaps;
  /** Null without a student. */
  discrepancy: BatchComponentMaps | null;
  width: number;
  height: number;
  frameChannels: number;
}

/** The maps of frame `i` of the batch (copies: the batch arrays may be reused). */
export function tokenMapsAt(maps: BatchTokenMaps, i: number): TokenMaps {
  const { width, height, frameChannels } = maps;
  const cells = width * height;
  const slice = (values: Float32Array) => values.slice(i * cells, (i + 1) * cells);
  const component = (c: BatchComponentMaps): ComponentTokenMaps => ({ frame: slice(c.frame), anomalyMap: c.anomalyMap === null ? null : slice(c.anomalyMap) });
  return {
    width,
    height,
    frameChannels,
    teacherError: component(maps.teacherError),
    discrepancy: maps.discrepancy === null ? null : component(maps.discrepancy),
  };
}
