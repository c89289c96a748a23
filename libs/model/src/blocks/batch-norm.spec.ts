import * as tf from '@tensorflow/tfjs';
import { ParameterStore } from '../parameters/parameter-store';
import { SeededRandom } from '@vad/data/random';
import { useWasmBackend } from '../testing/tiny-model.fixture';
import { applyBatchNormUpdates, BatchNorm } from './batch-norm';
import type { BatchNormUpdate } from './forward-mode';

beforeAll(useWasmBackend);

describe('BatchNorm', () => {
  const x = () =>
    tf.tensor3d([
      [
        [1, 10],
        [3, 20],
      ],
      [
        [5, 30],
        [7, 40],
      ],
    ]); // [B=2, n=2, C=2]

  it('normalises with batch statistics in training and records a running-average update', () => {
    const store = new ParameterStore(SeededRandom.fromSeed(1));
    const bn = new BatchNorm(store, { name: 'bn', width: 2, epsilon: 0, momentum: 0.1, role: 'encoder' });
    const updates: BatchNormUpdate[] = [];
    const y = tf.tidy(() => bn.apply(x(), { training: true, batchNormUpdates: updates }));
    // Channel 0: values 1, 3, 5, 7 → mean 4, variance 5.
    expect(
      Array.from(y.dataSync())
        .filter((_, i) => i % 2 === 0)
        .map((v) => +v.toFixed(4)),
    ).toEqual([-3, -1, 1, 3].map((v) => +(v / Math.sqrt(5)).toFixed(4)));
    expect(updates).toHaveLength(1);
    applyBatchNormUpdates(updates);
    // Running mean 0.9·0 + 0.1·4; running variance 0.9·1 + 0.1·(unbiased 20/3).
    expect(Array.from(store.get('bn/running_mean').dataSync())[0]).toBeCloseTo(0.4, 6);
    expect(Array.from(store.get('bn/running_variance').dataSync())[0]).toBeCloseTo(0.9 + 0.1 * (20 / 3), 5);
    y.dispose();
    store.dispose();
  });

  it('uses the running statistics at inference and records nothing', () => {
    const store = new ParameterStore(SeededRandom.fromSeed(1));
    const bn = new BatchNorm(store, { name: 'bn', width: 2, epsilon: 0, momentum: 0.1, role: 'encoder' });
    tf.tidy(() => {
      store.get('bn/running_mean').assign(tf.tensor1d([1, 10]));
      store.get('bn/running_variance').assign(tf.tensor1d([4, 100]));
    });
    const y = tf.tidy(() => bn.apply(x(), { training: false }));
    expect(Array.from(y.dataSync())).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    y.dispose();
    store.dispose();
  });

  it('keeps running statistics out of the trainable parameters', () => {
    const store = new ParameterStore(SeededRandom.fromSeed(1));
    new BatchNorm(store, { name: 'bn', width: 3, epsilon: 1e-5, momentum: 0.1, role: 'encoder' });
    expect(store.trainableSize()).toBe(6);
    expect(
      store
        .list()
        .filter((e) => !e.trainable)
        .map((e) => e.name),
    ).toEqual(['bn/running_mean', 'bn/running_variance']);
    store.dispose();
  });
});
