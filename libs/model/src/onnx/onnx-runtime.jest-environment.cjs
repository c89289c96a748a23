// Jest environment for specs that run ONNX Runtime: its native binding creates output arrays in
// Node's own realm, and onnxruntime-common (loaded inside Jest's sandbox) rejects them with
// "data must be type of Float32Array" because the sandbox has its own typed-array constructors.
// Sharing the host's constructors with the sandbox removes the mismatch. Tests only: outside Jest
// there is one realm. Use with the docblock `@jest-environment ./src/onnx/onnx-runtime.jest-environment.cjs`.
const { TestEnvironment } = require('jest-environment-node');

const TYPED_ARRAYS = [
  'ArrayBuffer', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
  'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
];

class OnnxRuntimeEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of TYPED_ARRAYS) this.global[name] = globalThis[name];
  }
}

module.exports = OnnxRuntimeEnvironment;
