// 3×3 median filter per channel (edges replicated): the paper smooths frames with it before taking
// motion gradients, so that sensor noise does not count as motion (docs/method.md §4, eq. 1).
// It runs twice per training sample, so it uses the column-sorting trick: with each column of the
// window sorted into (low, mid, high), the median of the nine values is
// med3(max(lows), med3(mids), min(highs)), and each sorted column serves three windows.

export interface ImageShape {
  width: number;
  height: number;
  channels: number;
}

export function medianFilter3x3(image: Uint8Array, shape: ImageShape): Uint8Array {
  const { width, height, channels } = shape;
  const stride = width * channels;
  const out = new Uint8Array(image.length);
  const lo = new Uint8Array(stride);
  const mid = new Uint8Array(stride);
  const hi = new Uint8Array(stride);
  // Two-argument Math.min/max compile to branch-free instructions; on natural images, where
  // comparisons are unpredictable, that is several times faster than if/else swaps.
  const { min, max } = Math;
  for (let y = 0; y < height; y++) {
    const r0 = max(y - 1, 0) * stride;
    const r1 = y * stride;
    const r2 = min(y + 1, height - 1) * stride;
    for (let i = 0; i < stride; i++) {
      const a = image[r0 + i];
      const b = image[r1 + i];
      const c = image[r2 + i];
      const low = min(a, b);
      const high = max(a, b);
      lo[i] = min(low, c);
      hi[i] = max(high, c);
      mid[i] = max(low, min(high, c));
    }
    for (let x = 0; x < width; x++) {
      const left = max(x - 1, 0) * channels;
      const centre = x * channels;
      const right = min(x + 1, width - 1) * channels;
      for (let ch = 0; ch < channels; ch++) {
        const l = left + ch;
        const m = centre + ch;
        const r = right + ch;
        const maxLow = max(max(lo[l], lo[m]), lo[r]);
        const minHigh = min(min(hi[l], hi[m]), hi[r]);
        const midMid = max(min(mid[l], mid[m]), min(max(mid[l], mid[m]), mid[r]));
        out[r1 + m] = max(min(maxLow, midMid), min(max(maxLow, midMid), minHigh));
      }
    }
  }
  return out;
}
