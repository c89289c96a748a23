// Makes the wasm backend able to train the detector: registers the kernels tfjs-backend-wasm 4.22.0
// lacks (weight gradients of convolutions and depthwise convolutions, gather gradients), routes
// matrix products through ONNX Runtime's native kernels (or, without them, transposed and batched ones through
// wasm's fast path) and copies gathered rows on the host. Idempotent; call after importing the wasm backend.
// The wrong batched gather on wasm (tf.gather with batchDims) is avoided by the model itself: it
// always gathers from a flattened [B·n, C] tensor with offset indices (masking/gather-tokens.ts).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { conv2dBackpropFilterKernel } from './conv2d-backprop-filter.kernel';
import { depthwiseConv2dBackpropFilterKernel, depthwiseConv2dBackpropInputKernel } from './depthwise-conv2d-backprop.kernel';
import { wrapMatMulKernel } from './fast-mat-mul.kernel';
import { wrapNativeMatMulKernel } from './native-mat-mul.kernel';
import { wrapGatherKernel } from './row-gather.kernel';
import { unsortedSegmentSumKernel } from './unsorted-segment-sum.kernel';

export interface WasmTrainingKernelsOptions {
  /** Route transposed and batched matMuls through wasm's fast single-matrix path (default true). */
  fastMatMul?: boolean;
  /** Run BatchMatMul on ONNX Runtime's native CPU kernels when onnxruntime-node loads (default true). */
  nativeMatMul?: boolean;
  /** Gather whole rows with host copies instead of wasm's element-wise GatherV2 (default true). */
  rowGather?: boolean;
}

const REPLACEMENTS: ReadonlyArray<[string, tf.KernelFunc]> = [
  ['Conv2DBackpropFilter', conv2dBackpropFilterKernel],
  ['DepthwiseConv2dNativeBackpropFilter', depthwiseConv2dBackpropFilterKernel],
  ['DepthwiseConv2dNativeBackpropInput', depthwiseConv2dBackpropInputKernel],
  ['UnsortedSegmentSum', unsortedSegmentSumKernel],
];

/** Who multiplies matrices on wasm: ONNX Runtime, or wasm itself and why (null before registration). */
export type WasmMatMulEngine = { engine: 'onnxruntime' } | { engine: 'wasm'; reason: string };

let matMulEngine: WasmMatMulEngine | null = null;

export function wasmMatMulEngine(): WasmMatMulEngine | null {
  return matMulEngine;
}

/** Registers the missing kernels on `backendName` (default wasm); returns the names it added or wrapped. */
export function registerWasmTrainingKernels(options: WasmTrainingKernelsOptions = {}, backendName = 'wasm'): string[] {
  const changed: string[] = [];
  if (options.fastMatMul ?? true) {
    for (const name of ['BatchMatMul', '_FusedMatMul'] as const) {
      if (wrapMatMulKernel(name, backendName)) changed.push(name);
    }
  }
  if (options.nativeMatMul ?? true) {
    const native = wrapNativeMatMulKernel(backendName);
    if (native === true && !changed.includes('BatchMatMul')) changed.push('BatchMatMul');
    matMulEngine = typeof native === 'string' ? { engine: 'wasm', reason: native } : { engine: 'onnxruntime' };
  } else if (matMulEngine === null) {
    matMulEngine = { engine: 'wasm', reason: 'turned off' };
  }
  if ((options.rowGather ?? true) && wrapGatherKernel(backendName)) changed.push('GatherV2');
  const present = new Set(tf.getKernelsForBackend(backendName).map((k) => k.kernelName));
  for (const [kernelName, kernelFunc] of REPLACEMENTS) {
    if (present.has(kernelName)) continue;
    tf.registerKernel({ kernelName, backendName, kernelFunc });
    changed.push(kernelName);
  }
  return changed;
}
