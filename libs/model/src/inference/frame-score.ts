// What inference returns per frame: the raw components of eq. 6, kept apart so that any protocol
// (libs/metrics) can weight, filter and reduce them later without re-running the model (METHOD.md §7).

/** Per-component pixel maps of one frame, average-pooled and quantised to bytes. */
export interface FrameMaps {
  width: number;
  height: number;
  /** A byte b stands for the value b/255 · scale (values above scale saturate at 255). */
  scale: number;
  /** ‖x_t − x̂_t‖² per pixel (mean over the frame's channels). */
  teacherError: Uint8Array;
  /** ‖x̂_t − x̃_t‖² per pixel; null without a student. */
  discrepancy: Uint8Array | null;
}

export interface FrameScore {
  /** Frame mean of ‖x_t − x̂_t‖² (per pixel, mean over channels): the teacher's reconstruction error. */
  teacherError: number;
  /** Frame mean of ‖x̂_t − x̃_t‖²: teacher–student discrepancy; null without self-distillation. */
  discrepancy: number | null;
  /** ŷ_t, the classification head's probability of an anomaly; null without the head. */
  classifier: number | null;
  /** Frame mean of the teacher's predicted anomaly-map channel, clipped to [0, 1]; null without it. */
  predictedAnomaly: number | null;
  maps?: FrameMaps;
}

export interface MapOptions {
  /** Average-pooling factor (1 = full resolution); must divide the input size. Default: the patch size. */
  downsample?: number;
  /** Value that maps to byte 255. Default 1 (frames live in [−1, 1], so errors reach 4). */
  scale?: number;
}
