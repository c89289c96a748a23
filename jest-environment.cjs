// The Jest environment of every project (jest.preset.cjs): Node's, with the host's typed-array
// constructors shared into the sandbox. ONNX Runtime's native binding creates arrays in Node's own
// realm, and onnxruntime-common (loaded inside the sandbox) rejects them with "data must be type of
// Float32Array" when the sandbox has constructors of its own — in any test that runs inference on ONNX,
// the platform's end-to-end suites included. Outside Jest there is one realm, as here.
const { TestEnvironment } = require('jest-environment-node');

const TYPED_ARRAYS = [
  'ArrayBuffer',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
];

class OnnxRuntimeEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of TYPED_ARRAYS) this.global[name] = globalThis[name];
  }
}

module.exports = OnnxRuntimeEnvironment;
