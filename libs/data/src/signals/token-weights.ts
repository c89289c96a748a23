// Token weights from a motion gradient (docs/method.md §4, eq. 2): per d×d patch the maximum of g per
// channel, averaged over channels (m_i), then normalised to sum to 1 (w_i = m_i / Σ_j m_j).
import { DataError, DataErrorCode } from '../data.error';
import type { ImageShape } from './median-filter';

export function tokenGrid(shape: Pick<ImageShape, 'width' | 'height'>, patchSize: number): { rows: number; cols: number } {
  if (!Number.isInteger(patchSize) || patchSize < 1 || shape.width % patchSize !== 0 || shape.height % patchSize !== 0) {
    throw new DataError(
      DataErrorCode.InvalidOptions,
      `a ${shape.width}×${shape.height} frame cannot be cut into ${patchSize}×${patchSize} patches; choose a size divisible by the patch size`,
    );
  }
  return { rows: shape.height / patchSize, cols: shape.width / patchSize };
}

/** Writes the n = (H/d)·(W/d) weights of one frame into `out` at `offset` (row-major token order). */
export function tokenWeightsInto(out: Float32Array, offset: number, gradient: Float32Array, shape: ImageShape, patchSize: number): void {
  const { width, channels } = shape;
  const { rows, cols } = tokenGrid(shape, patchSize);
  const n = rows * cols;
  const channelMax = new Float32Array(channels);
  let total = 0;
  for (let ty = 0; ty < rows; ty++) {
    for (let tx = 0; tx < cols; tx++) {
      channelMax.fill(0);
      for (let y = ty * patchSize; y < (ty + 1) * patchSize; y++) {
        let index = (y * width + tx * patchSize) * channels;
        for (let x = 0; x < patchSize; x++) {
          for (let c = 0; c < channels; c++, index++) if (gradient[index] > channelMax[c]) channelMax[c] = gradient[index];
        }
      }
      let mean = 0;
      for (let c = 0; c < channels; c++) mean += channelMax[c];
      mean /= channels;
      out[offset + ty * cols + tx] = mean;
      total += mean;
    }
  }
  // A still frame has no motion anywhere: every token then weighs the same.
  for (let i = 0; i < n; i++) out[offset + i] = total > 0 ? out[offset + i] / total : 1 / n;
}

export function tokenWeights(gradient: Float32Array, shape: ImageShape, patchSize: number): Float32Array {
  const { rows, cols } = tokenGrid(shape, patchSize);
  const out = new Float32Array(rows * cols);
  tokenWeightsInto(out, 0, gradient, shape, patchSize);
  return out;
}
