import { describeBackend } from './worker-description';

describe('describeBackend', () => {
  it('counts CUDA and WebGPU as GPUs, the rest as CPUs', () => {
    expect(describeBackend({ choice: 'webgpu' })).toEqual({ backend: 'tfjs-webgpu', device: 'gpu' });
    expect(describeBackend({ choice: 'tensorflow-gpu' })).toEqual({ backend: 'tfjs-tensorflow-gpu', device: 'gpu' });
    expect(describeBackend({ choice: 'wasm' })).toEqual({ backend: 'tfjs-wasm', device: 'cpu' });
  });
});
