import * as tf from '@tensorflow/tfjs';
import { profileKernels, summariseKernels, type KernelCall } from './kernel-profile';

const call = (name: string, ms: number | null, ...inputShapes: number[][]): KernelCall => ({ name, ms, inputShapes });

describe('summariseKernels', () => {
  const calls = [call('BatchMatMul', 6, [8, 4], [4, 2]), call('Add', 1, [8, 2], [2]), call('BatchMatMul', 2, [2, 4], [4, 2]), call('Add', 1, [8, 2], [2])];

  it('adds up calls and time per kernel, heaviest first, with each share of the kernel total', () => {
    const summary = summariseKernels(calls);
    expect(summary.calls).toBe(4);
    expect(summary.kernelMs).toBe(10);
    expect(summary.rows.map((r) => [r.kernel, r.calls, r.ms, r.share])).toEqual([
      ['BatchMatMul', 2, 8, 0.8],
      ['Add', 2, 2, 0.2],
    ]);
    expect(summary.rows[0].shapes).toEqual(['[8,4] [4,2]', '[2,4] [4,2]']);
    expect(summary.rows[1].shapes).toEqual(['[8,2] [2]']);
  });

  it('splits a kernel by its input shapes when asked', () => {
    const rows = summariseKernels(calls, { byShape: true }).rows;
    expect(rows.map((r) => [r.kernel, r.calls, r.ms])).toEqual([
      ['BatchMatMul [8,4] [4,2]', 1, 6],
      ['Add [8,2] [2]', 2, 2],
      ['BatchMatMul [2,4] [4,2]', 1, 2],
    ]);
  });

  it('keeps counts but no times when any call could not be timed, most calls first', () => {
    const summary = summariseKernels([call('Add', null, [2]), call('Mul', 3, [2]), call('Add', null, [2])]);
    expect(summary.kernelMs).toBeNull();
    expect(summary.rows.map((r) => [r.kernel, r.calls, r.ms, r.share])).toEqual([
      ['Add', 2, 0, 0],
      ['Mul', 1, 0, 0],
    ]);
  });
});

describe('profileKernels', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('records the kernels a function runs, with their shapes, and disposes what it returns', async () => {
    const a = tf.ones([3, 4]);
    const b = tf.ones([4, 5]);
    const before = tf.memory().numTensors;
    const profile = await profileKernels(() => tf.tidy(() => tf.matMul(a, b).add(1)));
    expect(tf.memory().numTensors).toBe(before);
    expect(profile.rows.map((r) => r.kernel).sort()).toEqual(['Add', 'BatchMatMul']);
    expect(profile.rows.find((r) => r.kernel === 'BatchMatMul')?.shapes[0]).toBe('[3,4] [4,5]');
    expect(profile.kernelMs).not.toBeNull();
    expect(profile.wallMs).toBeGreaterThanOrEqual(0);
    tf.dispose([a, b]);
  });
});
