import * as tf from '@tensorflow/tfjs';
import { ParameterStore } from '../parameters/parameter-store';
import { SeededRandom } from '@vad/data/random';
import { useWasmBackend } from '../testing/tiny-model.fixture';
import { INFERENCE } from './forward-mode';
import { PointwiseConvMlp } from './pointwise-conv-mlp';

beforeAll(useWasmBackend);

describe('PointwiseConvMlp', () => {
  const x = () => tf.randomNormal([2, 5, 4], 0, 1, 'float32', 3) as tf.Tensor3D;

  it('acts on each token alone, as a 1×1 convolution: conv2d(GELU(conv2d(x)))', () => {
    const store = new ParameterStore(SeededRandom.fromSeed(1));
    const mlp = new PointwiseConvMlp(store, { name: 'mlp', width: 4, hidden: 8, dropoutRate: 0, clsBypass: false, role: 'encoder' });
    const [actual, expected] = tf.tidy(() => {
      const input = x();
      const grid = input.reshape([2, 1, 5, 4]) as tf.Tensor4D;
      const h = tf.conv2d(grid, store.get('mlp/conv1/kernel') as tf.Tensor4D, 1, 'valid').add(store.get('mlp/conv1/bias'));
      const gelu = h.mul(0.5).mul(tf.erf(h.div(Math.SQRT2)).add(1)) as tf.Tensor4D;
      const y = tf.conv2d(gelu, store.get('mlp/conv2/kernel') as tf.Tensor4D, 1, 'valid').add(store.get('mlp/conv2/bias'));
      return [mlp.apply(input, INFERENCE), y.reshape([2, 5, 4])];
    });
    const a = actual.dataSync();
    const e = expected.dataSync() as Float32Array;
    expect(Math.max(...Array.from(e, (v, i) => Math.abs(v - a[i])))).toBeLessThan(1e-5);
    tf.dispose([actual, expected]);
    store.dispose();
  });

  it('passes [CLS] through unchanged when it bypasses the MLP (the code’s behaviour)', () => {
    const store = new ParameterStore(SeededRandom.fromSeed(1));
    const mlp = new PointwiseConvMlp(store, { name: 'mlp', width: 4, hidden: 8, dropoutRate: 0, clsBypass: true, role: 'encoder' });
    const [input, output] = tf.tidy(() => {
      const i = x();
      return [i.slice([0, 0, 0], [2, 1, 4]), mlp.apply(i, INFERENCE).slice([0, 0, 0], [2, 1, 4])];
    });
    expect(Array.from(output.dataSync())).toEqual(Array.from(input.dataSync()));
    tf.dispose([input, output]);
    store.dispose();
  });

  it('applies seeded dropout in training only', () => {
    const store = new ParameterStore(SeededRandom.fromSeed(1));
    const mlp = new PointwiseConvMlp(store, { name: 'mlp', width: 4, hidden: 8, dropoutRate: 0.5, clsBypass: false, role: 'encoder' });
    const run = (training: boolean, seed: number) => tf.tidy(() => Array.from(mlp.apply(x(), { training, nextDropoutSeed: () => seed }).dataSync()));
    expect(run(true, 1)).toEqual(run(true, 1));
    expect(run(true, 1)).not.toEqual(run(true, 2));
    expect(run(false, 1)).toEqual(run(false, 2));
    store.dispose();
  });
});
