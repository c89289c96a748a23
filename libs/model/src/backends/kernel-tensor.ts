// Lets a replacement kernel compute with ordinary tfjs ops on its inputs. The engine owns kernel
// inputs, so the wrapper takes an extra reference: disposing it (e.g. at the end of a tidy) then
// leaves the caller's data alive. Ops run inside a kernel are not recorded on the gradient tape
// (the engine only records at kernel depth 0), so nothing here leaks into autodiff.
import * as tf from '@tensorflow/tfjs';

export function borrowTensor(info: tf.TensorInfo, backend: tf.KernelBackend): tf.Tensor {
  backend.incRef(info.dataId);
  return tf.engine().makeTensorFromTensorInfo(info, backend);
}

/** Padding [top, bottom, left, right] that tfjs' own conv kernels would use for these settings. */
export function convPadding(info: tf.backend_util.Conv2DInfo): [number, number, number, number] {
  const { top, bottom, left, right } = info.padInfo;
  return [top, bottom, left, right];
}
