import * as tf from '@tensorflow/tfjs';
import { useWasmBackend } from '../testing/tiny-model.fixture';
import { patchify, unpatchify } from './patchify';

beforeAll(useWasmBackend);

describe('patchify', () => {
  it('flattens each d×d patch in (row, column, channel) order, tokens in raster order', () => {
    // 1 × 4 × 6 × 2 frame whose value encodes (y, x, c).
    const values = Array.from({ length: 4 * 6 * 2 }, (_, i) => i);
    const frame = tf.tensor4d(values, [1, 4, 6, 2]);
    const tokens = patchify(frame, 2);
    expect(tokens.shape).toEqual([1, 6, 8]);
    const data = tokens.arraySync()[0];
    // Token 4 is grid row 1, column 1: pixels (2..3, 2..3).
    const at = (y: number, x: number, c: number) => (y * 6 + x) * 2 + c;
    expect(data[4]).toEqual([at(2, 2, 0), at(2, 2, 1), at(2, 3, 0), at(2, 3, 1), at(3, 2, 0), at(3, 2, 1), at(3, 3, 0), at(3, 3, 1)]);
    tf.dispose([frame, tokens]);
  });

  it('is undone by unpatchify', () => {
    const frame = tf.randomNormal([2, 8, 12, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
    const back = unpatchify(patchify(frame, 4), 2, 3, 4);
    expect(Array.from(back.dataSync())).toEqual(Array.from(frame.dataSync()));
    tf.dispose([frame, back]);
  });
});
