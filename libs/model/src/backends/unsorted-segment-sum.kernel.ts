// UnsortedSegmentSum for the wasm backend, which lacks it (tfjs-backend-wasm 4.22.0); it is the
// gradient of every gather, i.e. of token masking and of putting mask tokens back in place.
// A scatter-add is one pass over the data on the host, far cheaper than a one-hot matrix product
// (that would need (B·n)² values for B·n tokens), and the wasm backend lives in host memory anyway.
import * as tf from '@tensorflow/tfjs';
import { ModelError, ModelErrorCode } from '../model.error';

export const unsortedSegmentSumKernel: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const { x, segmentIds } = inputs as unknown as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
  const { numSegments } = attrs as unknown as tf.UnsortedSegmentSumAttrs;
  if (x.dtype !== 'float32' && x.dtype !== 'int32') {
    throw new ModelError(ModelErrorCode.UnsupportedKernel, `UnsortedSegmentSum replacement supports float32/int32, got ${x.dtype}`);
  }
  const kb = backend as tf.KernelBackend;
  const values = kb.readSync(x.dataId) as Float32Array | Int32Array;
  const ids = kb.readSync(segmentIds.dataId) as Int32Array | Float32Array;
  const idCount = segmentIds.shape.reduce((p, v) => p * v, 1);
  const rowShape = x.shape.slice(segmentIds.shape.length);
  const rowSize = rowShape.reduce((p, v) => p * v, 1);
  const out = x.dtype === 'int32' ? new Int32Array(numSegments * rowSize) : new Float32Array(numSegments * rowSize);
  for (let r = 0; r < idCount; r++) {
    const segment = ids[r];
    // TensorFlow drops rows whose id is negative or out of range; so do we.
    if (segment < 0 || segment >= numSegments) continue;
    const src = r * rowSize;
    const dst = segment * rowSize;
    for (let k = 0; k < rowSize; k++) out[dst + k] += values[src + k];
  }
  const shape = [numSegments, ...rowShape];
  return { dataId: kb.write(out, shape, x.dtype), shape, dtype: x.dtype };
};
