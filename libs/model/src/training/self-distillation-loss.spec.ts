import * as tf from '@tensorflow/tfjs';
import { useWasmBackend } from '../testing/tiny-model.fixture';
import { selfDistillationLoss } from './self-distillation-loss';

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

describe('selfDistillationLoss', () => {
  it('eq. 4: weighted over all tokens (paper) or unweighted over masked tokens (code)', () => {
    const [weighted, masked] = tf.tidy(() => {
      const weights = tf.tensor2d([[0.5, 0.5]]);
      const m = tf.tensor2d([[0, 1]]);
      return [
        selfDistillationLoss(prediction(), target(), { weights, masked: m }, 'weighted-all-tokens').dataSync()[0],
        selfDistillationLoss(prediction(), target(), { weights, masked: m }, 'unweighted-masked-tokens').dataSync()[0],
      ];
    });
    expect(weighted).toBeCloseTo(2.5, 6);
    expect(masked).toBeCloseTo(4, 6);
  });
});
