// The wasm backend's matrix products on ONNX Runtime's native CPU kernels (MLAS), which the platform
// already ships for inference (onnxruntime-node). On one thread of this project's 2-core VM, wasm
// multiplies at 10–35 GFLOP/s (SIMD-128; batched and transposed products are slower still) and MLAS at
// 40–165 GFLOP/s on the detector's shapes; matrix products are 44% of a cpu-ped2 training step and 75%
// of an inference batch on wasm (`vad bench profile`).
//
// tfjs kernels are synchronous, and onnxruntime-node's public `InferenceSession.run` returns a promise
// that only defers the native call (setImmediate). So this calls the native session of the package's
// binding directly: an internal of onnxruntime-node, whose version package.json pins. Loading checks the
// shape of that API; when it differs or the binding does not load, the wasm products stay, with the reason.
// One thread per session (intraOpNumThreads 1): data-parallel replicas already take a core each, and a
// single-threaded product adds its terms in one fixed order, so a seed still gives the same training.
import * as tf from '@tensorflow/tfjs';
import type * as Ort from 'onnxruntime-node';
import { attr, OnnxGraphBuilder } from '../onnx/onnx-graph-builder';
import { encodeOnnxModel } from '../onnx/onnx-model.proto';

const WRAPPED = Symbol.for('vad.nativeMatMul');

type WrappedConfig = tf.KernelConfig & { [WRAPPED]?: true };

interface NativeResult {
  readonly data: unknown;
  readonly dims: readonly number[];
}

interface NativeSession {
  loadModel(buffer: ArrayBufferLike, byteOffset: number, byteLength: number, options: object): void;
  run(feeds: Record<string, Ort.Tensor>, fetches: Record<string, null>, options: object): Record<string, NativeResult>;
}

interface NativeRuntime {
  readonly Tensor: typeof Ort.Tensor;
  newSession(): NativeSession;
}

/** onnxruntime-node's binding, checked for the calls made here; a string says why it cannot be used. */
function loadNativeRuntime(): NativeRuntime | string {
  try {
    const ort = require('onnxruntime-node') as typeof Ort;
    const internal = require('onnxruntime-node/dist/binding') as { binding?: { InferenceSession?: unknown }; initOrt?: unknown };
    const Session = internal.binding?.InferenceSession;
    if (typeof Session !== 'function' || typeof internal.initOrt !== 'function') {
      return 'onnxruntime-node’s binding has changed (no InferenceSession or initOrt)';
    }
    const prototype = (Session as { prototype: Record<string, unknown> }).prototype;
    if (typeof prototype.loadModel !== 'function' || typeof prototype.run !== 'function') {
      return 'onnxruntime-node’s native session has changed (no loadModel or run)';
    }
    (internal.initOrt as () => void)();
    return { Tensor: ort.Tensor, newSession: () => new (Session as new () => NativeSession)() };
  } catch (error) {
    return `onnxruntime-node does not load (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
}

/** A graph `c = matMul(transposeA ? aᵀ : a, transposeB ? bᵀ : b)` over the last two axes of rank-`rank` inputs with any sizes. */
function matMulGraph(rank: number, transposeA: boolean, transposeB: boolean): Uint8Array {
  const g = new OnnxGraphBuilder();
  const dims = (prefix: string) => Array.from({ length: rank }, (_, i) => `${prefix}${i}`);
  const swapLastTwo = Array.from({ length: rank }, (_, i) => (i < rank - 2 ? i : 2 * rank - 3 - i));
  const operand = (name: string, transpose: boolean) => {
    const input = g.input(name, dims(name));
    return transpose ? g.op('Transpose', [input], { perm: attr.ints(swapLastTwo) }) : input;
  };
  const product = g.op('MatMul', [operand('a', transposeA), operand('b', transposeB)]);
  g.output('c', product, dims('c'));
  return encodeOnnxModel(
    g.build({
      irVersion: 8,
      opsetVersion: 17,
      producerName: 'vad',
      producerVersion: '1',
      docString: 'matMul for the wasm backend',
      metadata: {},
      graphName: 'mat_mul',
    }),
  );
}

class NativeMatMul {
  private readonly sessions = new Map<string, NativeSession>();

  constructor(private readonly runtime: NativeRuntime) {}

  /** [..., m, k] × [..., k, n] with numpy broadcasting of the batch axes, as tfjs' BatchMatMul. */
  multiply(a: Float32Array, aShape: number[], b: Float32Array, bShape: number[], transposeA: boolean, transposeB: boolean): NativeResult {
    const rank = Math.max(aShape.length, bShape.length);
    const padded = (shape: number[]) => [...new Array<number>(rank - shape.length).fill(1), ...shape];
    const { Tensor } = this.runtime;
    const feeds = { a: new Tensor('float32', a, padded(aShape)), b: new Tensor('float32', b, padded(bShape)) };
    return this.session(rank, transposeA, transposeB).run(feeds, { c: null }, {}).c;
  }

  private session(rank: number, transposeA: boolean, transposeB: boolean): NativeSession {
    const key = `${rank}:${transposeA}:${transposeB}`;
    let session = this.sessions.get(key);
    if (session === undefined) {
      session = this.runtime.newSession();
      const model = matMulGraph(rank, transposeA, transposeB);
      session.loadModel(model.buffer, model.byteOffset, model.byteLength, {
        intraOpNumThreads: 1,
        interOpNumThreads: 1,
        executionMode: 'sequential',
        graphOptimizationLevel: 'all',
      });
      this.sessions.set(key, session);
    }
    return session;
  }
}

let native: NativeMatMul | string | undefined;

/** The native products of this thread, or why there are none (loaded once per thread). */
function nativeMatMul(): NativeMatMul | string {
  if (native === undefined) {
    const runtime = loadNativeRuntime();
    native = typeof runtime === 'string' ? runtime : new NativeMatMul(runtime);
  }
  return native;
}

/**
 * Routes `BatchMatMul` on `backendName` through ONNX Runtime; the kernel registered before stays for
 * what it does not take (other dtypes, empty tensors). Returns true when it wrapped it now, false when it
 * was wrapped before, or why it cannot.
 */
export function wrapNativeMatMulKernel(backendName: string): boolean | string {
  const original = tf.getKernel('BatchMatMul', backendName) as WrappedConfig | undefined;
  if (original === undefined) return `no BatchMatMul kernel on ${backendName}`;
  if (original[WRAPPED]) return false;
  const products = nativeMatMul();
  if (typeof products === 'string') return products;
  const kernelFunc: tf.KernelFunc = (args) => {
    const { a, b } = args.inputs as unknown as { a: tf.TensorInfo; b: tf.TensorInfo };
    const { transposeA, transposeB } = args.attrs as unknown as tf.BatchMatMulAttrs;
    const empty = a.shape.includes(0) || b.shape.includes(0);
    if (a.dtype !== 'float32' || b.dtype !== 'float32' || empty) return original.kernelFunc(args);
    const backend = args.backend as tf.KernelBackend;
    const read = (t: tf.TensorInfo) => backend.readSync(t.dataId) as Float32Array;
    const c = products.multiply(read(a), a.shape, read(b), b.shape, transposeA, transposeB);
    const shape = Array.from(c.dims);
    return { dataId: backend.write(c.data as Float32Array, shape, 'float32'), shape, dtype: 'float32' };
  };
  tf.unregisterKernel('BatchMatMul', backendName);
  const wrapped: WrappedConfig = { ...original, kernelFunc, [WRAPPED]: true };
  tf.registerKernel(wrapped);
  return true;
}
