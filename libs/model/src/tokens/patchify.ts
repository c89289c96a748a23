// Frames ↔ per-token target vectors: token i of a [B, H, W, C] frame is its d×d×C patch, flattened
// in (row, column, channel) order — the order the token heads predict (docs/method.md §2–§3).
import * as tf from '@tensorflow/tfjs';

/** [B, H, W, C] → [B, (H/d)(W/d), d·d·C]. */
export function patchify(frames: tf.Tensor4D, patchSize: number): tf.Tensor3D {
  return tf.tidy(() => {
    const [b, h, w, c] = frames.shape;
    const d = patchSize;
    return frames
      .reshape([b, h / d, d, w / d, d, c])
      .transpose([0, 1, 3, 2, 4, 5])
      .reshape([b, (h / d) * (w / d), d * d * c]);
  });
}

/** [B, gh·gw, d·d·C] → [B, gh·d, gw·d, C]; the inverse of patchify. */
export function unpatchify(tokens: tf.Tensor3D, gridHeight: number, gridWidth: number, patchSize: number): tf.Tensor4D {
  return tf.tidy(() => {
    const [b, , p] = tokens.shape;
    const d = patchSize;
    const c = p / (d * d);
    return tokens
      .reshape([b, gridHeight, gridWidth, d, d, c])
      .transpose([0, 1, 3, 2, 4, 5])
      .reshape([b, gridHeight * d, gridWidth * d, c]);
  });
}
