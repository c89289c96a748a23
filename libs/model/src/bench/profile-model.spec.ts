import * as tf from '@tensorflow/tfjs';
import { getPreset } from '../presets/model-presets';
import { useWasmBackend } from '../testing/tiny-model.fixture';
import { profileModel } from './profile-model';

beforeAll(useWasmBackend);

describe('profileModel', () => {
  it("profiles a training step and an inference batch of a preset on wasm, each kernel's share of its run", async () => {
    const before = tf.memory().numTensors;
    const profile = await profileModel({ preset: getPreset('cpu-tiny'), trainBatch: 2, inferenceBatch: 3 });
    expect(tf.memory().numTensors).toBe(before);
    expect(profile).toMatchObject({ preset: 'cpu-tiny', backend: 'wasm', trainBatch: 2, inferenceBatch: 3 });
    const kernels = (rows: { kernel: string }[]) => rows.map((r) => r.kernel);
    // the CvT blocks' depthwise convolutions run in both; only training computes their weight gradients
    expect(kernels(profile.training.rows)).toEqual(expect.arrayContaining(['BatchMatMul', 'DepthwiseConv2dNative', 'DepthwiseConv2dNativeBackpropFilter']));
    expect(kernels(profile.inference.rows)).toContain('DepthwiseConv2dNative');
    expect(kernels(profile.inference.rows)).not.toContain('DepthwiseConv2dNativeBackpropFilter');
    expect(profile.training.calls).toBeGreaterThan(profile.inference.calls);
    for (const run of [profile.training, profile.inference]) {
      expect(run.kernelMs).not.toBeNull();
      expect(run.rows.reduce((sum, r) => sum + r.share, 0)).toBeCloseTo(1, 6);
      expect(run.rows.reduce((sum, r) => sum + r.calls, 0)).toBe(run.calls);
    }
  });

  it('groups by kernel and input shapes when asked: the inference batch appears in the shapes', async () => {
    const profile = await profileModel({ preset: getPreset('cpu-tiny'), trainBatch: 2, inferenceBatch: 3, byShape: true });
    const preset = getPreset('cpu-tiny').model;
    const firstConv = profile.inference.rows.find((r) => r.kernel.startsWith('Conv2D '));
    expect(firstConv?.kernel).toContain(`[3,${preset.inputHeight},${preset.inputWidth},`);
  });
});
