// Gradients on the patched wasm backend must match the pure-JS cpu backend (the reference).
import * as tf from '@tensorflow/tfjs';
import { registerWasmTrainingKernels } from './wasm-training-kernels';

type Case = () => tf.Tensor[];

const normal = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, 'float32', seed);

const cases: Record<string, Case> = {
  'conv2d with stride = kernel (patch embedding)': () => {
    const x = normal([2, 16, 24, 3], 1);
    const w = normal([8, 8, 3, 5], 2);
    return tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf
        .conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 8, 'valid')
        .square()
        .sum(),
    )([x, w]);
  },
  'conv2d 1×1 (pointwise MLP)': () => {
    const x = normal([2, 1, 7, 6], 3);
    const w = normal([1, 1, 6, 12], 4);
    return tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf
        .conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'valid')
        .square()
        .sum(),
    )([x, w]);
  },
  'conv2d 3×3 same, stride 1': () => {
    const x = normal([2, 9, 7, 3], 5);
    const w = normal([3, 3, 3, 4], 6);
    return tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf
        .conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same')
        .square()
        .sum(),
    )([x, w]);
  },
  'conv2d 3×3 valid, stride 2': () => {
    const x = normal([1, 9, 10, 2], 7);
    const w = normal([3, 3, 2, 3], 8);
    return tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf
        .conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 2, 'valid')
        .square()
        .sum(),
    )([x, w]);
  },
  'depthwise 3×3 same (q/k/v projection)': () => {
    const x = normal([2, 5, 6, 4], 9);
    const w = normal([3, 3, 4, 1], 10);
    const weights = normal([2, 5, 6, 4], 11);
    return tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf
        .depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same')
        .mul(weights)
        .sum(),
    )([x, w]);
  },
  'depthwise 3×3 same, stride 2 (host loop)': () => {
    const x = normal([2, 7, 8, 3], 19);
    const w = normal([3, 3, 3, 1], 20);
    return tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf
        .depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, 2, 'same')
        .square()
        .sum(),
    )([x, w]);
  },
  'depthwise 3×3 valid, channel multiplier 2 (host loop)': () => {
    const x = normal([1, 8, 7, 3], 12);
    const w = normal([3, 3, 3, 2], 13);
    return tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf
        .depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'valid')
        .square()
        .sum(),
    )([x, w]);
  },
  // tfjs-core's own BatchMatMul gradient does not reduce broadcast batch dims, so forward only here.
  'batched matMul with a broadcast operand (forward)': () => [tf.matMul(normal([2, 3, 5, 4], 17), normal([4, 6], 18))],
  'gather of rows on axis 0 (token masking), forward and backward': () => {
    const x = normal([6, 5, 2], 14);
    const idx = tf.tensor2d(
      [
        [4, 0],
        [4, 2],
      ],
      [2, 2],
      'int32',
    );
    return [tf.gather(x, idx), tf.grad((a: tf.Tensor) => tf.gather(a, idx).square().sum())(x)];
  },
  'gather on another axis (original kernel)': () => [tf.gather(normal([3, 4], 21), tf.tensor1d([3, 1], 'int32'), 1)],
  'transposed matMuls, forward and backward (attention)': () => {
    const a = normal([2, 3, 5, 4], 15);
    const b = normal([2, 3, 6, 4], 16);
    const f = (p: tf.Tensor, q: tf.Tensor) => tf.matMul(p, q, false, true).square().sum();
    return [tf.matMul(a, b, false, true), tf.matMul(b, b, true, false).reshape([-1]).slice(0, 7), ...tf.grads(f)([a, b])];
  },
};

async function evaluate(backend: string, f: Case): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const out = tf.tidy(f);
  const values = await Promise.all(out.map((t) => t.data() as Promise<Float32Array>));
  tf.dispose(out);
  return values;
}

describe('wasm training kernels', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
    registerWasmTrainingKernels();
  });

  it('registers exactly the kernels tfjs-backend-wasm 4.22.0 lacks, once', () => {
    const names = new Set(tf.getKernelsForBackend('wasm').map((k) => k.kernelName));
    for (const k of ['Conv2DBackpropFilter', 'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput', 'UnsortedSegmentSum']) {
      expect(names.has(k)).toBe(true);
    }
    expect(registerWasmTrainingKernels()).toEqual([]);
  });

  it('refuses out-of-range row indices instead of reading stray memory', async () => {
    await tf.setBackend('wasm');
    expect(() => tf.tidy(() => tf.gather(tf.ones([2, 3]), tf.tensor1d([2], 'int32')))).toThrow(/outside \[0, 1\]/);
  });

  for (const [name, f] of Object.entries(cases)) {
    it(`${name}: wasm gradients equal cpu gradients`, async () => {
      const expected = await evaluate('cpu', f);
      const actual = await evaluate('wasm', f);
      expect(actual.length).toBe(expected.length);
      expected.forEach((e, i) => {
        const scale = Math.max(1, ...Array.from(e, Math.abs));
        let worst = 0;
        e.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - actual[i][j]))));
        expect(worst / scale).toBeLessThan(1e-4);
        expect(scale).toBeGreaterThan(0);
      });
    });
  }

  it('UnsortedSegmentSum drops out-of-range ids like TensorFlow', async () => {
    await tf.setBackend('wasm');
    const y = tf.unsortedSegmentSum(
      tf.tensor2d([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
      tf.tensor1d([1, -1, 1], 'int32'),
      3,
    );
    expect(Array.from(await y.data())).toEqual([0, 0, 6, 8, 0, 0]);
    y.dispose();
  });

  it('replacement kernels leak no tensors', async () => {
    await tf.setBackend('wasm');
    const before = tf.memory().numTensors;
    const f = cases['depthwise 3×3 same (q/k/v projection)'];
    tf.dispose(tf.tidy(f));
    tf.dispose(tf.tidy(cases['conv2d 3×3 same, stride 1']));
    expect(tf.memory().numTensors).toBe(before);
  });
});
