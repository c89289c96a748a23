import * as tf from '@tensorflow/tfjs';
import { useWasmBackend } from '../testing/tiny-model.fixture';
import { weightedTokenMse } from './weighted-mse-loss';

beforeAll(useWasmBackend);

// B = 1, n = 2 tokens, P = 2 values: token errors (mean of squares) are 1 and 4.
const prediction = () =>
  tf.tensor3d([
    [
      [1, 1],
      [0, 0],
    ],
  ]);
const target = () =>
  tf.tensor3d([
    [
      [0, 2],
      [2, -2],
    ],
  ]);

describe('weightedTokenMse', () => {
  it('eq. 3: weights each token’s mean squared error by w_i', () => {
    const loss = tf.tidy(() => weightedTokenMse(prediction(), target(), tf.tensor2d([[0.75, 0.25]])).dataSync()[0]);
    expect(loss).toBeCloseTo(0.75 * 1 + 0.25 * 4, 6);
  });
});
