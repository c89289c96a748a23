// What inference returns per frame: the raw components of eq. 6, kept apart so that any protocol
// (libs/metrics) can normalise, weight, filter and reduce them later without re-running the model
// (docs/method.md §7). The pixel components come as maps with one cell per token: the protocol's frame max
// and 3D filter need them, and at one value per d×d patch they cost little to keep.

/**
 * A pixel component's token maps by channel group. Cell (x, y) of the row-major grid is the token whose
 * patch covers input pixels [x·d, (x+1)·d) × [y·d, (y+1)·d). The component itself is the mean over all
 * c + 1 output channels (as the authors' code scores it): (c · frame + anomalyMap) / (c + 1); the groups are
 * kept apart because their scales differ and a protocol may standardise each on its own.
 */
export interface ComponentTokenMaps {
  /** Mean over the token's pixels and the c frame channels of the squared error. */
  frame: Float32Array;
  /** Mean over the token's pixels of the anomaly-map channel's squared error (maps clipped to [0, 1]); null without the map head. */
  anomalyMap: Float32Array | null;
}

export interface TokenMaps {
  /** Token grid width (input width / patch size) and height. */
  width: number;
  height: number;
  /** Frame channels c (1 gray, 3 RGB): the frame group's weight in the mean over output channels. */
  frameChannels: number;
  /** ‖[x_t, 0] − x̂_t‖²: the teacher against frame t and a normal (all-zero) anomaly map. */
  teacherError: ComponentTokenMaps;
  /** ‖x̂_t − x̃_t‖²: teacher against student; null without a student. */
  discrepancy: ComponentTokenMaps | null;
}

export interface FrameScore {
  /** Frame mean of the teacher error over all output channels. */
  teacherError: number;
  /** Frame mean of the discrepancy over all output channels; null without self-distillation. */
  discrepancy: number | null;
  /** ŷ_t, the classification head's probability of an anomaly; null without the head. */
  classifier: number | null;
  /** Frame mean of the teacher's predicted anomaly-map channel, clipped to [0, 1]; null without it. */
  predictedAnomaly: number | null;
  maps: TokenMaps;
}
