import * as tf from '@tensorflow/tfjs';
import { useWasmBackend } from '../testing/tiny-model.fixture';
import { classificationLoss } from './classification-loss';

beforeAll(useWasmBackend);

describe('classificationLoss', () => {
  it('eq. 5: binary cross-entropy from logits, stable for large logits', () => {
    const loss = tf.tidy(() => classificationLoss(tf.tensor1d([0, 2, -30]), tf.tensor1d([1, 0, 0])).dataSync()[0]);
    const expected = (Math.log(2) + Math.log(1 + Math.exp(2)) + Math.log(1 + Math.exp(-30))) / 3;
    expect(loss).toBeCloseTo(expected, 5);
  });
});
