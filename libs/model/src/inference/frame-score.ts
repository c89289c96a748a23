// What inference returns per frame: the raw components of eq. 6, kept apart so that any protocol
// (libs/metrics) can normalise, weight, filter and reduce them later without re-running the model
// (METHOD.md §7). The pixel components come as maps with one cell per token: the protocol's frame max
// and 3D filter need them, and at one value per d×d patch they cost little to keep.

/**
 * Per-token maps of one frame: cell (x, y) of the row-major grid is the token whose patch covers input
 * pixels [x·d, (x+1)·d) × [y·d, (y+1)·d).
 */
export interface TokenMaps {
  /** Token grid width (input width / patch size) and height. */
  width: number;
  height: number;
  /**
   * ‖[x_t, 0] − x̂_t‖² per token: the mean over its d×d pixels and all c + 1 output channels of the teacher's
   * squared error against the clean frame and a normal (all-zero) anomaly map — the predicted anomaly-map
   * channel counts, as the authors' code scores it.
   */
  teacherError: Float32Array;
  /** ‖x̂_t − x̃_t‖² per token over the same c + 1 channels; null without a student. */
  discrepancy: Float32Array | null;
}

export interface FrameScore {
  /** Frame mean of the teacher-error map. */
  teacherError: number;
  /** Frame mean of the discrepancy map; null without self-distillation. */
  discrepancy: number | null;
  /** ŷ_t, the classification head's probability of an anomaly; null without the head. */
  classifier: number | null;
  /** Frame mean of the teacher's predicted anomaly-map channel, clipped to [0, 1]; null without it. */
  predictedAnomaly: number | null;
  maps: TokenMaps;
}
