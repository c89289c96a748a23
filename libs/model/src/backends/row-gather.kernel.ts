// wasm's GatherV2 copies element by element (~65M values/s). Token masking gathers whole rows of a
// flattened [B·n, C] tensor (axis 0, no batch dims), which is a sequence of contiguous row copies on the
// host. Other gathers go to the original kernel.
import * as tf from '@tensorflow/tfjs';
import { ModelError, ModelErrorCode } from '../model.error';

const WRAPPED = Symbol.for('vad.rowGather');

type WrappedConfig = tf.KernelConfig & { [WRAPPED]?: true };

function rowGather(backend: tf.KernelBackend, x: tf.TensorInfo, indices: tf.TensorInfo): tf.TensorInfo {
  const values = backend.readSync(x.dataId) as Float32Array;
  const rows = backend.readSync(indices.dataId) as Int32Array | Float32Array;
  const rowCount = x.shape[0];
  const rowSize = x.shape.slice(1).reduce((p, v) => p * v, 1);
  const out = new Float32Array(rows.length * rowSize);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!(row >= 0 && row < rowCount)) {
      throw new ModelError(ModelErrorCode.ShapeMismatch, `gather index ${row} is outside [0, ${rowCount - 1}]`);
    }
    out.set(values.subarray(row * rowSize, (row + 1) * rowSize), r * rowSize);
  }
  const shape = [...indices.shape, ...x.shape.slice(1)];
  return { dataId: backend.write(out, shape, 'float32'), shape, dtype: 'float32' };
}

/** Wraps GatherV2 on `backendName`; returns false when it was already wrapped or absent. */
export function wrapGatherKernel(backendName: string): boolean {
  const original = tf.getKernel('GatherV2', backendName) as WrappedConfig | undefined;
  if (original === undefined || original[WRAPPED]) return false;
  const kernelFunc: tf.KernelFunc = (args) => {
    const { x, indices } = args.inputs as unknown as { x: tf.TensorInfo; indices: tf.TensorInfo };
    const { axis, batchDims } = args.attrs as unknown as tf.GatherV2Attrs;
    const normalisedAxis = axis < 0 ? axis + x.shape.length : axis;
    if (normalisedAxis !== 0 || (batchDims ?? 0) !== 0 || x.dtype !== 'float32') return original.kernelFunc(args);
    return rowGather(args.backend as tf.KernelBackend, x, indices);
  };
  tf.unregisterKernel('GatherV2', backendName);
  const wrapped: WrappedConfig = { ...original, kernelFunc, [WRAPPED]: true };
  tf.registerKernel(wrapped);
  return true;
}
