// The paper's spatio-temporal 3D filter (docs/method.md §7): a separable Gaussian over x, y and t applied to a
// video's pixel anomaly volume before each frame is reduced to one score. Kernels sum to 1 and are
// renormalised over the taps inside the volume at its borders, so border pixels and the first and last
// frames are not darkened by zero padding (which would bias a frame max towards the image centre).
import { MetricsError, MetricsErrorCode } from '../metrics.error';
import { assertPixelMaps, type PixelMap } from '../pixel-map';
import type { SpatioTemporalFilterParameters } from './protocol';

/** Filters the volume (one map per frame); returns new Float32Array maps. */
export function spatioTemporalFilter(volume: readonly PixelMap[], parameters: SpatioTemporalFilterParameters): PixelMap[] {
  assertPixelMaps(volume, 'anomaly volume');
  if (volume.length === 0) return [];
  const { width, height } = volume[0];
  const spatial = symmetricKernel(parameters.sigmaSpatial, parameters.radiusSpatial, 'spatial');
  const temporal = symmetricKernel(parameters.sigmaTemporal, parameters.radiusTemporal, 'temporal');
  const pixels = width * height;
  const rowPass = new Float32Array(pixels);
  const planes = volume.map((map) => {
    const out = new Float32Array(pixels);
    filterLines(map.data, rowPass, spatial, width, height, 1, width);
    filterLines(rowPass, out, spatial, height, width, width, 1);
    return out;
  });
  const frames = planes.length;
  const result = planes.map(() => new Float32Array(pixels));
  const radius = (temporal.length - 1) / 2;
  for (let t = 0; t < frames; t++) {
    const from = Math.max(0, t - radius);
    const to = Math.min(frames - 1, t + radius);
    let weight = 0;
    for (let s = from; s <= to; s++) weight += temporal[s - t + radius];
    const out = result[t];
    for (let s = from; s <= to; s++) {
      const w = temporal[s - t + radius] / weight;
      const plane = planes[s];
      for (let i = 0; i < pixels; i++) out[i] += w * plane[i];
    }
  }
  return result.map((data) => ({ width, height, data }));
}

/** Normalised symmetric Gaussian of 2·radius + 1 taps; σ = 0 or radius = 0 gives the identity. */
function symmetricKernel(sigma: number, radius: number, what: string): Float64Array {
  if (!(sigma >= 0) || !Number.isInteger(radius) || radius < 0) {
    throw new MetricsError(MetricsErrorCode.InvalidParameter, `${what} filter σ ${sigma}, radius ${radius}: σ must be ≥ 0 and radius an integer ≥ 0`);
  }
  if (sigma === 0 || radius === 0) return Float64Array.of(1);
  const kernel = new Float64Array(2 * radius + 1);
  let sum = 0;
  for (let i = -radius; i <= radius; i++) sum += kernel[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
  for (let i = 0; i < kernel.length; i++) kernel[i] /= sum;
  return kernel;
}

/**
 * 1-D filtering of `lines` lines of `length` values; element j of line l is at l·lineStride + j·step.
 * Rows: (length = width, step 1, lineStride = width). Columns: (length = height, step = width, lineStride 1).
 */
function filterLines(
  input: ArrayLike<number>,
  output: Float32Array,
  kernel: Float64Array,
  length: number,
  lines: number,
  step: number,
  lineStride: number,
): void {
  const radius = (kernel.length - 1) / 2;
  for (let line = 0; line < lines; line++) {
    const base = line * lineStride;
    for (let j = 0; j < length; j++) {
      const from = Math.max(0, j - radius);
      const to = Math.min(length - 1, j + radius);
      let sum = 0;
      let weight = 0;
      for (let s = from; s <= to; s++) {
        const w = kernel[s - j + radius];
        sum += w * input[base + s * step];
        weight += w;
      }
      output[base + j * step] = sum / weight;
    }
  }
}
