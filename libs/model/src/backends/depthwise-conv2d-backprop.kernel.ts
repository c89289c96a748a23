// DepthwiseConv2dNativeBackpropFilter / ...BackpropInput for the wasm backend, which lacks both
// (tfjs-backend-wasm 4.22.0). They are the gradients of the CvT q/k/v projections' depthwise 3×3
// convolutions. The common case (stride 1, dilation 1, channel multiplier 1) is rewritten as wasm's own
// fast depthwise convolution:
//   dX = depthwise(pad(dY, k−1−p), flip(W))           (a "full" correlation with the flipped kernel)
//   dW = Σ_b depthwise(Xpad as [1, H', W', B·C], dY as a [H, W, B·C, 1] kernel)
// (10× and 2× faster than direct loops); every other case runs direct loops on the host, where the
// wasm backend keeps its tensors anyway.
import * as tf from '@tensorflow/tfjs';
import { borrowTensor } from './kernel-tensor';

type Shape4 = [number, number, number, number];

function geometry(
  inputShape: Shape4,
  filterShape: Shape4,
  attrs: tf.DepthwiseConv2dNativeBackpropFilterAttrs | tf.DepthwiseConv2dNativeBackpropInputAttrs,
): tf.backend_util.Conv2DInfo {
  return tf.backend_util.computeConv2DInfo(inputShape, filterShape, attrs.strides, attrs.dilations, attrs.pad, attrs.dimRoundingMode, true);
}

/**
 * Runs `tap` for every (output pixel, kernel tap) pair that reads an input pixel inside the image, with
 * the flat offsets (at channel 0) of the input pixel, the output pixel and the tap's weights.
 * The channel loop lives in `tap`, so the JIT sees one tight loop per call.
 */
function forEachTap(info: tf.backend_util.Conv2DInfo, tap: (x: number, dy: number, w: number) => void): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, strideHeight, strideWidth } = info;
  const { dilationHeight, dilationWidth, filterHeight, filterWidth } = info;
  const { top, left } = info.padInfo;
  for (let b = 0; b < batchSize; b++) {
    for (let oy = 0; oy < outHeight; oy++) {
      for (let ox = 0; ox < outWidth; ox++) {
        const dyBase = ((b * outHeight + oy) * outWidth + ox) * outChannels;
        for (let i = 0; i < filterHeight; i++) {
          const y = oy * strideHeight - top + i * dilationHeight;
          if (y < 0 || y >= inHeight) continue;
          for (let j = 0; j < filterWidth; j++) {
            const x = ox * strideWidth - left + j * dilationWidth;
            if (x < 0 || x >= inWidth) continue;
            tap(((b * inHeight + y) * inWidth + x) * inChannels, dyBase, (i * filterWidth + j) * outChannels);
          }
        }
      }
    }
  }
}

const isSimple = (info: tf.backend_util.Conv2DInfo): boolean =>
  info.strideHeight === 1 && info.strideWidth === 1 && info.dilationHeight === 1 && info.dilationWidth === 1 && info.outChannels === info.inChannels;

/** dW[i, j, c, m] = Σ_{b, oy, ox} X[b, oy·s + i·dil − pad, ox·s + j·dil − pad, c] · dY[b, oy, ox, c·M + m]. */
export const depthwiseConv2dBackpropFilterKernel: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const { x, dy } = inputs as unknown as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const a = attrs as unknown as tf.DepthwiseConv2dNativeBackpropFilterAttrs;
  const kb = backend as tf.KernelBackend;
  const info = geometry(x.shape as Shape4, a.filterShape, a);
  if (isSimple(info)) {
    return tf.tidy(() => {
      const { batchSize: b, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow, filterHeight: kh, filterWidth: kw } = info;
      const { top, bottom, left, right } = info.padInfo;
      const padded = tf.pad(borrowTensor(x, kb) as tf.Tensor4D, [
        [0, 0],
        [top, bottom],
        [left, right],
        [0, 0],
      ]);
      const image = padded.transpose([1, 2, 0, 3]).reshape([1, h + top + bottom, w + left + right, b * c]) as tf.Tensor4D;
      const kernel = borrowTensor(dy, kb)
        .transpose([1, 2, 0, 3])
        .reshape([oh, ow, b * c, 1]) as tf.Tensor4D;
      return tf.depthwiseConv2d(image, kernel, 1, 'valid').reshape([kh, kw, b, c]).sum(2).reshape(a.filterShape);
    });
  }
  const xs = kb.readSync(x.dataId) as Float32Array;
  const dys = kb.readSync(dy.dataId) as Float32Array;
  const channels = info.inChannels;
  const m = info.outChannels / channels;
  const dw = new Float32Array(a.filterShape.reduce((p, v) => p * v, 1));
  if (m === 1) {
    forEachTap(info, (xo, dyo, wo) => {
      for (let c = 0; c < channels; c++) dw[wo + c] += xs[xo + c] * dys[dyo + c];
    });
  } else {
    forEachTap(info, (xo, dyo, wo) => {
      for (let c = 0; c < channels; c++) {
        const xv = xs[xo + c];
        for (let k = 0; k < m; k++) dw[wo + c * m + k] += xv * dys[dyo + c * m + k];
      }
    });
  }
  return { dataId: kb.write(dw, a.filterShape, 'float32'), shape: a.filterShape, dtype: 'float32' };
};

/** dX[b, y, x, c] = Σ over the taps that read (y, x) of W[i, j, c, m] · dY[b, oy, ox, c·M + m]. */
export const depthwiseConv2dBackpropInputKernel: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const { dy, filter } = inputs as unknown as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const a = attrs as unknown as tf.DepthwiseConv2dNativeBackpropInputAttrs;
  const kb = backend as tf.KernelBackend;
  const info = geometry(a.inputShape, filter.shape as Shape4, a);
  if (isSimple(info)) {
    return tf.tidy(() => {
      const { filterHeight: kh, filterWidth: kw } = info;
      const { top, bottom, left, right } = info.padInfo;
      const grad = tf.pad(borrowTensor(dy, kb) as tf.Tensor4D, [
        [0, 0],
        [kh - 1 - top, kh - 1 - bottom],
        [kw - 1 - left, kw - 1 - right],
        [0, 0],
      ]);
      const flipped = tf.reverse(borrowTensor(filter, kb), [0, 1]) as tf.Tensor4D;
      return tf.depthwiseConv2d(grad, flipped, 1, 'valid');
    });
  }
  const ws = kb.readSync(filter.dataId) as Float32Array;
  const dys = kb.readSync(dy.dataId) as Float32Array;
  const channels = info.inChannels;
  const m = info.outChannels / channels;
  const dx = new Float32Array(a.inputShape.reduce((p, v) => p * v, 1));
  if (m === 1) {
    forEachTap(info, (xo, dyo, wo) => {
      for (let c = 0; c < channels; c++) dx[xo + c] += ws[wo + c] * dys[dyo + c];
    });
  } else {
    forEachTap(info, (xo, dyo, wo) => {
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        for (let k = 0; k < m; k++) sum += ws[wo + c * m + k] * dys[dyo + c * m + k];
        dx[xo + c] += sum;
      }
    });
  }
  return { dataId: kb.write(dx, a.inputShape, 'float32'), shape: a.inputShape, dtype: 'float32' };
};
