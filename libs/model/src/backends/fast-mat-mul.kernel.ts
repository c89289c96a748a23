// Two slow paths of wasm's BatchMatMul (tfjs-backend-wasm 4.22.0), both on the hot path of training:
// - transposeA/transposeB set (every matMul backward pass): 10–50× slower. The operand is transposed
//   physically with the fast Transpose kernel, then the untransposed path runs.
// - more than one matrix in the batch (attention: B·heads matrices): a naive loop at ~2 GFLOP/s instead
//   of XNNPACK's ~25. Each matrix of the batch is multiplied on its own through the single-matrix path.
// _FusedMatMul only gets the first fix (it is not batched in this model).
import * as tf from '@tensorflow/tfjs';

const WRAPPED = Symbol.for('vad.fastMatMul');

type WrappedConfig = tf.KernelConfig & { [WRAPPED]?: true };

const product = (values: number[]): number => values.reduce((p, v) => p * v, 1);

function swapLastAxes(transpose: tf.KernelConfig, backend: tf.KernelBackend, t: tf.TensorInfo): tf.TensorInfo {
  const perm = t.shape.map((_, i) => i);
  const r = perm.length;
  [perm[r - 2], perm[r - 1]] = [perm[r - 1], perm[r - 2]];
  return transpose.kernelFunc({ inputs: { x: t }, backend, attrs: { perm } }) as tf.TensorInfo;
}

/** Multiplies matrix by matrix through `single` (a kernel on [1, m, k] × [1, k, n]); batch dims may broadcast when one side has a single matrix. */
function perMatrix(single: tf.KernelFunc, backend: tf.KernelBackend, a: tf.TensorInfo, b: tf.TensorInfo): tf.TensorInfo | null {
  const aBatchShape = a.shape.slice(0, -2);
  const bBatchShape = b.shape.slice(0, -2);
  const aBatch = product(aBatchShape);
  const bBatch = product(bBatchShape);
  if (a.dtype !== 'float32' || b.dtype !== 'float32') return null;
  if (aBatch <= 1 && bBatch <= 1) return null;
  const sameBatch = aBatch === bBatch && aBatchShape.length === bBatchShape.length && aBatchShape.every((v, i) => v === bBatchShape[i]);
  if (!sameBatch && aBatch !== 1 && bBatch !== 1) return null;
  const [m, k] = a.shape.slice(-2);
  const n = b.shape[b.shape.length - 1];
  const batchShape = aBatch >= bBatch ? aBatchShape : bBatchShape;
  const batch = Math.max(aBatch, bBatch);
  const av = backend.readSync(a.dataId) as Float32Array;
  const bv = backend.readSync(b.dataId) as Float32Array;
  const out = new Float32Array(batch * m * n);
  const attrs = { transposeA: false, transposeB: false };
  for (let i = 0; i < batch; i++) {
    const ia = aBatch === 1 ? 0 : i;
    const ib = bBatch === 1 ? 0 : i;
    const ai: tf.TensorInfo = { dataId: backend.write(av.subarray(ia * m * k, (ia + 1) * m * k), [1, m, k], 'float32'), shape: [1, m, k], dtype: 'float32' };
    const bi: tf.TensorInfo = { dataId: backend.write(bv.subarray(ib * k * n, (ib + 1) * k * n), [1, k, n], 'float32'), shape: [1, k, n], dtype: 'float32' };
    const ci = single({ inputs: { a: ai, b: bi }, backend, attrs }) as tf.TensorInfo;
    out.set(backend.readSync(ci.dataId) as Float32Array, i * m * n);
    backend.disposeData(ai.dataId);
    backend.disposeData(bi.dataId);
    backend.disposeData(ci.dataId);
  }
  const shape = [...batchShape, m, n];
  return { dataId: backend.write(out, shape, 'float32'), shape, dtype: 'float32' };
}

/** Replaces `kernelName` on `backendName` by the wrapper; returns false when it was already wrapped or absent. */
export function wrapMatMulKernel(kernelName: 'BatchMatMul' | '_FusedMatMul', backendName: string): boolean {
  const original = tf.getKernel(kernelName, backendName) as WrappedConfig | undefined;
  if (original === undefined || original[WRAPPED]) return false;
  const transpose = tf.getKernel('Transpose', backendName);
  if (transpose === undefined) return false;
  const kernelFunc: tf.KernelFunc = (args) => {
    const attrs = args.attrs as unknown as tf.BatchMatMulAttrs;
    const backend = args.backend as tf.KernelBackend;
    const inputs = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo } & tf.NamedTensorInfoMap;
    const temporaries: tf.TensorInfo[] = [];
    const a = attrs.transposeA ? swapLastAxes(transpose, backend, inputs.a) : inputs.a;
    const b = attrs.transposeB ? swapLastAxes(transpose, backend, inputs.b) : inputs.b;
    if (a !== inputs.a) temporaries.push(a);
    if (b !== inputs.b) temporaries.push(b);
    const batched = kernelName === 'BatchMatMul' ? perMatrix(original.kernelFunc, backend, a, b) : null;
    const result = batched ?? original.kernelFunc({ inputs: { ...inputs, a, b }, backend, attrs: { ...args.attrs, transposeA: false, transposeB: false } });
    for (const t of temporaries) backend.disposeData(t.dataId);
    return result;
  };
  tf.unregisterKernel(kernelName, backendName);
  const wrapped: WrappedConfig = {
    kernelName,
    backendName,
    kernelFunc,
    setupFunc: original.setupFunc,
    disposeFunc: original.disposeFunc,
    [WRAPPED]: true,
  };
  tf.registerKernel(wrapped);
  return true;
}
