// Temporal Gaussian smoothing of one video's frame scores (docs/method.md §7), in two variants:
// - `centred` (default): a symmetric kernel summing to 1. At the ends of a video only the taps inside it are
//   used and renormalised, so the first and last frames are not pulled towards zero by imaginary frames.
// - `reference-code`: the authors' kernel — Gaussian density values 1/(σ√2π)·exp(−(i−μ)²/2σ²) at tap
//   positions 0..taps−1 with μ = ⌊taps/2⌋ − 1 (one tap before the centre for odd lengths; the sum is not 1),
//   applied like numpy.convolve(scores, kernel, mode='same') with zeros beyond the video. For a video shorter
//   than the kernel numpy would return kernel-length output; we keep one score per frame (the same window
//   positions as for longer videos).
import { MetricsError, MetricsErrorCode } from '../metrics.error';
import type { GaussianVariant } from './protocol';

export function gaussianKernel(sigma: number, taps: number, variant: GaussianVariant): Float64Array {
  if (!(sigma > 0) || !Number.isInteger(taps) || taps < 1 || (variant === 'centred' && taps % 2 === 0)) {
    throw new MetricsError(
      MetricsErrorCode.InvalidParameter,
      `Gaussian σ ${sigma}, ${taps} taps: σ must be > 0 and taps a positive integer (odd when centred)`,
    );
  }
  const kernel = new Float64Array(taps);
  switch (variant) {
    case 'centred': {
      const centre = (taps - 1) / 2;
      let sum = 0;
      for (let i = 0; i < taps; i++) sum += kernel[i] = Math.exp(-((i - centre) ** 2) / (2 * sigma * sigma));
      for (let i = 0; i < taps; i++) kernel[i] /= sum;
      return kernel;
    }
    case 'reference-code': {
      const peak = Math.floor(taps / 2) - 1;
      const scale = 1 / (sigma * Math.sqrt(2 * Math.PI));
      for (let i = 0; i < taps; i++) kernel[i] = scale * Math.exp(-((i - peak) ** 2) / (2 * sigma * sigma));
      return kernel;
    }
  }
}

/** Smooths one video's scores; returns a new array of the same length. */
export function temporalGaussian(scores: ArrayLike<number>, sigma: number, taps: number, variant: GaussianVariant): Float64Array {
  const kernel = gaussianKernel(sigma, taps, variant);
  const n = scores.length;
  const out = new Float64Array(n);
  switch (variant) {
    case 'centred': {
      const radius = (taps - 1) / 2;
      for (let t = 0; t < n; t++) {
        const from = Math.max(0, t - radius);
        const to = Math.min(n - 1, t + radius);
        let sum = 0;
        let weight = 0;
        for (let s = from; s <= to; s++) {
          const w = kernel[s - t + radius];
          sum += w * scores[s];
          weight += w;
        }
        out[t] = sum / weight;
      }
      return out;
    }
    case 'reference-code': {
      // numpy 'same' output t is full-convolution index t + ⌊(taps−1)/2⌋: out[t] = Σ_k kernel[k]·s[t + offset − k].
      const offset = Math.floor((taps - 1) / 2);
      for (let t = 0; t < n; t++) {
        let sum = 0;
        const kFrom = Math.max(0, t + offset - (n - 1));
        const kTo = Math.min(taps - 1, t + offset);
        for (let k = kFrom; k <= kTo; k++) sum += kernel[k] * scores[t + offset - k];
        out[t] = sum;
      }
      return out;
    }
  }
}
