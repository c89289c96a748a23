import * as tf from '@tensorflow/tfjs';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { ModelError, ModelErrorCode } from '../model.error';
import { selectBackend } from './select-backend';

const notInstalled = (id: string): never => {
  const error = new Error(`Cannot find module '${id}'`) as Error & { code: string };
  error.code = 'MODULE_NOT_FOUND';
  throw error;
};

describe('selectBackend', () => {
  it('falls back from the missing native packages to wasm and logs one line', async () => {
    const lines: string[] = [];
    const tried: string[] = [];
    const selected = await selectBackend({
      env: {},
      log: (l) => lines.push(l),
      loadModule: (id) => {
        tried.push(id);
        return notInstalled(id);
      },
      gpuPresent: () => true,
    });
    expect(selected.choice).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(tried).toEqual(['@tensorflow/tfjs-node-gpu', 'webgpu', '@tensorflow/tfjs-node']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('backend wasm, matrix products on ONNX Runtime');
    expect(lines[0]).toContain('tensorflow-gpu: not installed');
  });

  it('rejects an unknown VAD_WASM_MATMUL value before trying any backend', async () => {
    const tried: string[] = [];
    const attempt = selectBackend({ env: { VAD_WASM_MATMUL: 'blas' }, log: () => undefined, loadModule: (id) => tried.push(id) });
    await expect(attempt).rejects.toThrow(/VAD_WASM_MATMUL="blas" is not one of onnxruntime, wasm/);
    expect(tried).toEqual([]);
  });

  it('treats a package installed without its native addon as unavailable', async () => {
    const selected = await selectBackend({
      env: {},
      log: () => undefined,
      loadModule: () => {
        throw new Error('The Node.js native addon module (tfjs_binding.node) can not be found at path: x');
      },
    });
    const native = selected.skipped.filter((s) => s.choice !== 'webgpu');
    expect(native.map((s) => s.reason)).toEqual(['installed without its native library', 'installed without its native library']);
  });

  it('honours VAD_BACKEND=cpu', async () => {
    const selected = await selectBackend({ env: { VAD_BACKEND: 'cpu' }, log: () => undefined, loadModule: notInstalled });
    expect(selected.choice).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
  });

  it('fails clearly when the forced backend cannot load', async () => {
    const attempt = selectBackend({ env: { VAD_BACKEND: 'tensorflow-gpu' }, log: () => undefined, loadModule: notInstalled });
    await expect(attempt).rejects.toThrow(/tensorflow-gpu was requested but is unavailable: not installed/);
    await expect(attempt).rejects.toMatchObject({ code: ModelErrorCode.BackendUnavailable });
  });

  it('rejects an unknown VAD_BACKEND value', async () => {
    await expect(selectBackend({ env: { VAD_BACKEND: 'cuda' }, log: () => undefined })).rejects.toBeInstanceOf(ModelError);
  });

  it('rethrows unexpected errors of a native package instead of hiding them', async () => {
    const attempt = selectBackend({
      env: {},
      log: () => undefined,
      loadModule: () => {
        throw new TypeError('bug inside the package');
      },
    });
    await expect(attempt).rejects.toThrow('bug inside the package');
  });

  describe('webgpu', () => {
    const HARDWARE = { vendor: 'nvidia', architecture: 'hopper', description: 'NVIDIA H100 80GB HBM3', isFallbackAdapter: false };
    // Dawn for Node and tfjs-backend-webgpu as far as selection uses them; the "GPU" computes on tfjs' cpu kernels.
    const fakeWebGpu =
      (adapter: object | null, requested: unknown[] = []) =>
      (id: string) => {
        if (id === 'webgpu') {
          return {
            globals: {},
            create: () => ({
              requestAdapter: async () =>
                adapter === null
                  ? null
                  : {
                      info: adapter,
                      limits: { maxBufferSize: 1024, maxStorageBufferBindingSize: 512, maxComputeWorkgroupSizeX: 256 },
                      requestDevice: async (descriptor: unknown) => {
                        requested.push(descriptor);
                        return { lost: new Promise(() => undefined) };
                      },
                    },
            }),
          };
        }
        if (id === '@tensorflow/tfjs-backend-webgpu') return { WebGPUBackend: MathBackendCPU };
        return notInstalled(id);
      };

    it('runs on a hardware adapter, named in the log line, with the limits tfjs asks for', async () => {
      const lines: string[] = [];
      const requested: unknown[] = [];
      const selected = await selectBackend({ env: {}, log: (l) => lines.push(l), loadModule: fakeWebGpu(HARDWARE, requested), gpuPresent: () => true });
      expect(selected).toMatchObject({ choice: 'webgpu', tfBackend: 'webgpu', adapter: 'NVIDIA H100 80GB HBM3 (nvidia hopper)' });
      expect(tf.getBackend()).toBe('webgpu');
      expect(lines[0]).toMatch(/^vad model: backend webgpu on NVIDIA H100 80GB HBM3 \(nvidia hopper\) \(skipped tensorflow-gpu: not installed\)$/);
      expect(requested).toEqual([{ requiredFeatures: [], requiredLimits: expect.objectContaining({ maxBufferSize: 1024, maxStorageBufferBindingSize: 512 }) }]);
      expect((globalThis as unknown as { navigator: { gpu: unknown } }).navigator.gpu).toBeDefined();
    });

    it('passes over a machine without an adapter, and a software adapter unless forced', async () => {
      const none = await selectBackend({ env: {}, log: () => undefined, loadModule: fakeWebGpu(null), gpuPresent: () => true });
      expect(none.choice).toBe('wasm');
      expect(none.skipped.find((s) => s.choice === 'webgpu')?.reason).toMatch(/^no WebGPU adapter/);
      const software = { vendor: 'google', architecture: '', description: 'SwiftShader Device (Subzero)', isFallbackAdapter: true };
      const automatic = await selectBackend({ env: {}, log: () => undefined, loadModule: fakeWebGpu(software), gpuPresent: () => true });
      expect(automatic.skipped.find((s) => s.choice === 'webgpu')?.reason).toBe(
        'only a software adapter (SwiftShader Device (Subzero) (google)); set VAD_BACKEND=webgpu to use it anyway',
      );
      const forced = await selectBackend({ env: { VAD_BACKEND: 'webgpu' }, log: () => undefined, loadModule: fakeWebGpu(software) });
      expect(forced.choice).toBe('webgpu');
    });

    it('does not ask Dawn at all on a machine without a GPU device', async () => {
      const tried: string[] = [];
      const load = fakeWebGpu(HARDWARE);
      const selected = await selectBackend({ env: {}, log: () => undefined, loadModule: (id) => (tried.push(id), load(id)), gpuPresent: () => false });
      expect(selected.choice).toBe('wasm');
      expect(tried).not.toContain('webgpu');
      expect(selected.skipped.find((s) => s.choice === 'webgpu')?.reason).toBe('no GPU device (/dev/nvidia0, /dev/dri/renderD*)');
    });

    it('says which packages to install when webgpu is forced without them', async () => {
      await expect(selectBackend({ env: { VAD_BACKEND: 'webgpu' }, log: () => undefined, loadModule: notInstalled })).rejects.toThrow(
        'backend webgpu was requested but is unavailable: not installed (install webgpu and @tensorflow/tfjs-backend-webgpu, or unset VAD_BACKEND)',
      );
    });

    afterAll(async () => {
      await tf.setBackend('wasm');
    });
  });
});
