// Where a block's patch tokens sit on the 2-D token grid, for the depthwise q/k/v convolutions
// (docs/method.md §3). Three layouts: all tokens in raster order; visible tokens scattered back to their
// positions with zeros elsewhere (MAE-style encoder, spatially faithful); visible tokens packed in
// their random order into a smaller grid (the reference code). Gathers are always made on a
// flattened [B·n, C] tensor with per-sample offsets: wasm's batched gather returns wrong values.
import * as tf from '@tensorflow/tfjs';

export interface TokenLayout {
  /** Patch tokens per sample in this layout. */
  readonly tokens: number;
  /** [B, tokens, C] → [B, gh, gw, C]. */
  toGrid(patches: tf.Tensor3D): tf.Tensor4D;
  /** [B, gh, gw, C'] → [B, tokens, C'] in this layout's token order. */
  fromGrid(grid: tf.Tensor4D): tf.Tensor3D;
}

/** All gh·gw tokens in raster order: the grid is a reshape. */
export function fullGridLayout(gridHeight: number, gridWidth: number): TokenLayout {
  return {
    tokens: gridHeight * gridWidth,
    toGrid: (p) => p.reshape([p.shape[0], gridHeight, gridWidth, p.shape[2]]),
    fromGrid: (g) => g.reshape([g.shape[0], gridHeight * gridWidth, g.shape[3]]),
  };
}

/**
 * Visible tokens only. `restoreFlat` [B·n] maps each grid position to its row in the per-sample
 * concatenation [visible; zeros] (with offsets b·n); `visibleFlat` [B·v] lists visible positions (with offsets b·n).
 */
export function scatteredLayout(gridHeight: number, gridWidth: number, visible: number, restoreFlat: tf.Tensor1D, visibleFlat: tf.Tensor1D): TokenLayout {
  const n = gridHeight * gridWidth;
  return {
    tokens: visible,
    toGrid: (p) =>
      tf.tidy(() => {
        const [b, , c] = p.shape;
        const filled = tf.concat([p, tf.zeros([b, n - visible, c])], 1).reshape([b * n, c]);
        return tf.gather(filled, restoreFlat).reshape([b, gridHeight, gridWidth, c]);
      }),
    fromGrid: (g) =>
      tf.tidy(() => {
        const [b, , , c] = g.shape;
        return tf.gather(g.reshape([b * n, c]), visibleFlat).reshape([b, visible, c]);
      }),
  };
}

/** Visible tokens in mask order reshaped into gh × (v/gh): the reference code's `masked_H × masked_W`. */
export function packedLayout(gridHeight: number, visible: number): TokenLayout {
  const packedWidth = visible / gridHeight;
  return {
    tokens: visible,
    toGrid: (p) => p.reshape([p.shape[0], gridHeight, packedWidth, p.shape[2]]),
    fromGrid: (g) => g.reshape([g.shape[0], visible, g.shape[3]]),
  };
}
