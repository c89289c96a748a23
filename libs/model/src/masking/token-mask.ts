// Random token masking (docs/method.md §2, MAE): each sample keeps ⌊n(1−r)⌋ tokens drawn without
// replacement; the rest are replaced by the mask token before the decoder. Drawn from the project's
// seeded generator, so masks are reproducible (the code's are not), and kept as plain arrays so that
// a mask can be inspected, tested and rebuilt without tensors.
import * as tf from '@tensorflow/tfjs';
import type { SeededRandom } from '@vad/data/random';

export interface TokenMask {
  batch: number;
  /** Tokens n per sample. */
  tokens: number;
  /** Visible tokens v per sample. */
  visible: number;
  /** [B·v] visible token positions of each sample, in the order the encoder sees them. */
  visibleIndex: Int32Array;
  /** [B·n] row of each position in the per-sample sequence [visible tokens; masked tokens]. */
  restoreIndex: Int32Array;
  /** [B·n] 1 where the token is masked, else 0. */
  masked: Float32Array;
}

export interface TokenMaskArgs {
  batch: number;
  tokens: number;
  visible: number;
  /** Generator for sample b: one shared stream (training) or one per frame index (inference). */
  randomFor: (sample: number) => SeededRandom;
  /**
   * Sort visible and masked positions (raster order). The reference code keeps the random order,
   * which matters only for the packed layout.
   */
  sorted: boolean;
}

export function randomTokenMask(args: TokenMaskArgs): TokenMask {
  const { batch, tokens: n, visible: v } = args;
  const visibleIndex = new Int32Array(batch * v);
  const restoreIndex = new Int32Array(batch * n);
  const masked = new Float32Array(batch * n);
  for (let b = 0; b < batch; b++) {
    const order = args.randomFor(b).permutation(n);
    const keep = order.subarray(0, v);
    const drop = order.subarray(v);
    if (args.sorted) {
      keep.sort();
      drop.sort();
    }
    for (let j = 0; j < v; j++) {
      visibleIndex[b * v + j] = keep[j];
      restoreIndex[b * n + keep[j]] = j;
    }
    for (let j = 0; j < n - v; j++) {
      restoreIndex[b * n + drop[j]] = v + j;
      masked[b * n + drop[j]] = 1;
    }
  }
  return { batch, tokens: n, visible: v, visibleIndex, restoreIndex, masked };
}

/** The samples [offset, offset + size) of a mask: a replica's share of a mask drawn for a whole batch. */
export function sliceTokenMask(mask: TokenMask, offset: number, size: number): TokenMask {
  if (offset < 0 || size < 1 || offset + size > mask.batch) throw new RangeError(`samples ${offset}..${offset + size} are not in a mask of ${mask.batch}`);
  const { tokens: n, visible: v } = mask;
  return {
    batch: size,
    tokens: n,
    visible: v,
    visibleIndex: mask.visibleIndex.slice(offset * v, (offset + size) * v),
    restoreIndex: mask.restoreIndex.slice(offset * n, (offset + size) * n),
    masked: mask.masked.slice(offset * n, (offset + size) * n),
  };
}

export interface MaskIndexTensors {
  /** [B·v] visible positions offset by b·n: rows of a flattened [B·n, C] tensor. */
  visibleFlat: tf.Tensor1D;
  /** [B·n] rows of a flattened per-sample [visible; masked] tensor, offset by b·n. */
  restoreFlat: tf.Tensor1D;
  /** [B, n, 1] 1 for visible tokens, 0 for masked. */
  keep: tf.Tensor3D;
}

/** Index tensors for gathers on flattened tensors (wasm's batched gather is wrong; flat gathers are not). */
export function maskIndexTensors(mask: TokenMask): MaskIndexTensors {
  const { batch, tokens: n, visible: v } = mask;
  const visibleFlat = new Int32Array(batch * v);
  const restoreFlat = new Int32Array(batch * n);
  for (let b = 0; b < batch; b++) {
    for (let j = 0; j < v; j++) visibleFlat[b * v + j] = mask.visibleIndex[b * v + j] + b * n;
    for (let i = 0; i < n; i++) restoreFlat[b * n + i] = mask.restoreIndex[b * n + i] + b * n;
  }
  const keep = mask.masked.map((m) => 1 - m);
  return {
    visibleFlat: tf.tensor1d(visibleFlat, 'int32'),
    restoreFlat: tf.tensor1d(restoreFlat, 'int32'),
    keep: tf.tensor3d(keep, [batch, n, 1]),
  };
}
