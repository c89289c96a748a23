// Motion gradients (docs/method.md §4): how much each pixel changes around frame t, the signal that makes
// moving foreground tokens weigh more in the reconstruction loss.
// - 'paper' (eq. 1): g_t = |median3×3(x_t) − median3×3(x_{t−1})|;
// - 'reference-code': g_t = |x_{t−1} − x_{t+1}|, no filter.
import { type ImageShape, medianFilter3x3 } from './median-filter';

export type MotionMode = 'paper' | 'reference-code';

/**
 * The two frames whose difference is the gradient of frame t. At a video's ends a missing neighbour is
 * replaced by the nearest frame on the other side (paper) or by frame t itself (reference code).
 */
export function motionFramePair(mode: MotionMode, t: number, frameCount: number): [earlier: number, later: number] {
  if (mode === 'paper') return t > 0 ? [t - 1, t] : [t, Math.min(t + 1, frameCount - 1)];
  return [Math.max(t - 1, 0), Math.min(t + 1, frameCount - 1)];
}

/** |later − earlier| per value (after a 3×3 median filter of both in 'paper' mode), as floats in [0, 255]. */
export function motionGradient(mode: MotionMode, earlier: Uint8Array, later: Uint8Array, shape: ImageShape): Float32Array {
  if (mode === 'reference-code') return absoluteDifference(earlier, later);
  return absoluteDifference(medianFilter3x3(earlier, shape), medianFilter3x3(later, shape));
}

/** |b − a| per value as floats; with frames already median-filtered (cached) this is the paper's g_t. */
export function absoluteDifference(a: Uint8Array, b: Uint8Array): Float32Array {
  const g = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) g[i] = Math.abs(b[i] - a[i]);
  return g;
}

/**
 * Adds a synthetic anomaly's pixel map to a gradient, so pasted objects always weigh a lot
 * (docs/method.md §4: the code scales the map to at least 128).
 */
export function boostGradient(gradient: Float32Array, anomalyMap: Uint8Array, channels: number, boost: number): void {
  for (let p = 0; p < anomalyMap.length; p++) {
    if (anomalyMap[p] === 0) continue;
    for (let c = 0; c < channels; c++) gradient[p * channels + c] += boost * anomalyMap[p];
  }
}
