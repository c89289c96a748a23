// Conv2DBackpropFilter for the wasm backend, which lacks it (tfjs-backend-wasm 4.22.0): the weight
// gradient of every convolution, the patch embedding and the 1×1 MLP convolutions included.
// dW[i, j] = Σ_{b, y, x} X[b, s·y + i, s·x + j]ᵀ · dY[b, y, x]: one matrix product per kernel tap, or a
// single product when stride equals kernel size (non-overlapping patches, the common case here).
import * as tf from '@tensorflow/tfjs';
import { ModelError, ModelErrorCode } from '../model.error';
import { borrowTensor, convPadding } from './kernel-tensor';

export const conv2dBackpropFilterKernel: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const { x, dy } = inputs as unknown as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  if (dataFormat === 'NCHW') {
    throw new ModelError(ModelErrorCode.UnsupportedKernel, 'Conv2DBackpropFilter replacement supports NHWC only');
  }
  const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode);
  const kb = backend as tf.KernelBackend;
  return tf.tidy(() => {
    const input = borrowTensor(x, kb) as tf.Tensor4D;
    const grad = borrowTensor(dy, kb) as tf.Tensor4D;
    const [top, bottom, left, right] = convPadding(info);
    const padded =
      top + bottom + left + right > 0
        ? tf.pad(input, [
            [0, 0],
            [top, bottom],
            [left, right],
            [0, 0],
          ])
        : input;
    const [kh, kw, ci, co] = filterShape;
    const { batchSize: b, outHeight: oh, outWidth: ow, strideHeight: sh, strideWidth: sw } = info;
    const dy2 = grad.reshape([b * oh * ow, co]);
    if (sh === kh && sw === kw) {
      // Non-overlapping taps: regroup the used input region into [kh·kw·ci, b·oh·ow] once.
      const used = padded.slice([0, 0, 0, 0], [b, oh * kh, ow * kw, ci]);
      const patches = used
        .reshape([b, oh, kh, ow, kw, ci])
        .transpose([2, 4, 5, 0, 1, 3])
        .reshape([kh * kw * ci, b * oh * ow]);
      return tf.matMul(patches, dy2).reshape(filterShape);
    }
    const taps: tf.Tensor[] = [];
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) {
        const tap = tf.stridedSlice(padded, [0, i, j, 0], [b, i + (oh - 1) * sh + 1, j + (ow - 1) * sw + 1, ci], [1, sh, sw, 1]);
        taps.push(tf.matMul(tap.reshape([b * oh * ow, ci]).transpose(), dy2));
      }
    }
    return tf.stack(taps).reshape(filterShape);
  });
};
