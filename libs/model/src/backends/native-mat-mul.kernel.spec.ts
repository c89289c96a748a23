// Matrix products of the wasm backend on ONNX Runtime must equal the pure-JS cpu backend's (the reference)
// for every shape tfjs' BatchMatMul takes: transposed operands, batch axes, broadcast ones, other ranks.
import * as tf from '@tensorflow/tfjs';
import { wrapNativeMatMulKernel } from './native-mat-mul.kernel';
import { registerWasmTrainingKernels, wasmMatMulEngine } from './wasm-training-kernels';

const normal = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, 'float32', seed);

async function product(
  backend: string,
  a: number[],
  b: number[],
  transposeA: boolean,
  transposeB: boolean,
): Promise<{ shape: number[]; values: Float32Array }> {
  await tf.setBackend(backend);
  const c = tf.tidy(() => tf.matMul(normal(a, 1), normal(b, 2), transposeA, transposeB));
  const values = (await c.data()) as Float32Array;
  c.dispose();
  return { shape: c.shape, values };
}

describe('matrix products on ONNX Runtime (wasm backend)', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
    registerWasmTrainingKernels();
  });

  it('is what the wasm backend multiplies with, and wraps the kernel once', () => {
    expect(wasmMatMulEngine()).toEqual({ engine: 'onnxruntime' });
    expect(wrapNativeMatMulKernel('wasm')).toBe(false);
  });

  const cases: Array<[string, number[], number[], boolean, boolean]> = [
    ['a linear layer', [7, 5], [5, 3], false, false],
    ['a weight gradient (aᵀ·b)', [7, 5], [7, 3], true, false],
    ['an input gradient (a·bᵀ)', [7, 3], [5, 3], false, true],
    ['both transposed', [5, 7], [3, 5], true, true],
    ['attention scores (batch × heads, bᵀ)', [2, 3, 6, 4], [2, 3, 6, 4], false, true],
    ['a batch against one matrix', [2, 3, 6, 4], [4, 5], false, false],
    ['one matrix against a batch', [6, 4], [2, 4, 5], false, false],
  ];
  for (const [name, a, b, transposeA, transposeB] of cases) {
    it(`${name}: equals the cpu backend`, async () => {
      const expected = await product('cpu', a, b, transposeA, transposeB);
      const actual = await product('wasm', a, b, transposeA, transposeB);
      expect(actual.shape).toEqual(expected.shape);
      const worst = expected.values.reduce((w, v, i) => Math.max(w, Math.abs(v - actual.values[i])), 0);
      expect(worst).toBeLessThan(1e-5 * Math.max(1, ...Array.from(expected.values, Math.abs)));
    });
  }

  it('gives the same bits every time (a seed trains the same model)', async () => {
    const first = await product('wasm', [64, 96], [80, 96], false, true);
    const second = await product('wasm', [64, 96], [80, 96], false, true);
    expect(Buffer.from(second.values.buffer).equals(Buffer.from(first.values.buffer))).toBe(true);
  });

  it('leaves empty operands to the kernel before it', async () => {
    await tf.setBackend('wasm');
    const empty = tf.tidy(() => tf.matMul(tf.zeros([0, 3]), tf.ones([3, 2])));
    expect(empty.shape).toEqual([0, 2]);
    empty.dispose();
  });

  it('leaks no tensors', async () => {
    await tf.setBackend('wasm');
    const before = tf.memory().numTensors;
    const gradients = tf.tidy(() =>
      tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.matMul(x, y, false, true).square().sum())([normal([2, 5, 4], 3), normal([2, 6, 4], 4)]),
    );
    tf.dispose(gradients);
    expect(tf.memory().numTensors).toBe(before);
  });
});
