import * as tf from '@tensorflow/tfjs';
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
    });
    expect(selected.choice).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(tried).toEqual(['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('backend wasm');
    expect(lines[0]).toContain('tensorflow-gpu: not installed');
  });

  it('treats a package installed without its native addon as unavailable', async () => {
    const selected = await selectBackend({
      env: {},
      log: () => undefined,
      loadModule: () => {
        throw new Error('The Node.js native addon module (tfjs_binding.node) can not be found at path: x');
      },
    });
    expect(selected.skipped.map((s) => s.reason)).toEqual(['installed without its native library', 'installed without its native library']);
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
});
