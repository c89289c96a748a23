import type { KernelProfile, ModelProfile, ProfileModelOptions } from '@vad/model';
import { CliUsageError } from '../cli-error';
import { runBenchProfile, type BenchProfileDeps } from './bench-profile.command';

const run = (rows: [string, number, number][], kernelMs: number | null, timesUnavailable?: string): KernelProfile => ({
  wallMs: 12.4,
  calls: rows.reduce((n, [, calls]) => n + calls, 0),
  kernelMs,
  ...(timesUnavailable ? { timesUnavailable } : {}),
  rows: rows.map(([kernel, calls, ms]) => ({ kernel, calls, ms, share: kernelMs ? ms / kernelMs : 0, shapes: ['[8,216,256] [256,256]'] })),
});

function fakeDeps(inference = run([['Conv2D', 1, 2]], 2)): BenchProfileDeps & { out: string[]; calls: ProfileModelOptions[] } {
  const out: string[] = [];
  const calls: ProfileModelOptions[] = [];
  return {
    out,
    calls,
    selectBackend: async (o) => ({ choice: o.backend ?? 'wasm', tfBackend: o.backend ?? 'wasm', adapter: null, skipped: [] }),
    profileModel: async (o): Promise<ModelProfile> => {
      calls.push(o);
      const training = run(
        [
          ['BatchMatMul', 154, 6],
          ['Add', 1696, 3],
          ['Multiply', 1388, 1],
        ],
        10,
      );
      return { preset: o.preset.name, backend: 'wasm', trainBatch: o.trainBatch ?? 0, inferenceBatch: o.inferenceBatch ?? 0, training, inference };
    },
    stdout: (t) => out.push(t),
    stderr: () => undefined,
  };
}

describe('vad bench profile', () => {
  it("lists each run's heaviest kernels with calls, time and share, and says how many more there are", async () => {
    const deps = fakeDeps();
    await runBenchProfile({ preset: 'cpu-ped2', top: '2' }, deps);
    expect(deps.calls[0]).toMatchObject({ trainBatch: 8, inferenceBatch: 32, byShape: false });
    const lines = deps.out[0].split('\n');
    expect(lines).toContain('training step, batch 8: 12 ms wall, 3238 kernel calls, 10 ms in kernels');
    expect(lines.find((l) => l.trim().startsWith('BatchMatMul'))).toMatch(/154×\s+6\.0 ms\s+60\.0%\s+\[8,216,256\] \[256,256\]/);
    expect(lines.some((l) => l.trim().startsWith('Multiply'))).toBe(false);
    expect(lines).toContain('  … 1 more (--top)');
    expect(lines).toContain('inference, batch 32: 12 ms wall, 1 kernel calls, 2 ms in kernels');
  });

  it('says why there are no kernel times when the backend could not take them, and still counts calls', async () => {
    const deps = fakeDeps(run([['Conv2D', 4, 0]], null, 'timestamp-query is not supported'));
    await runBenchProfile({ preset: 'cpu-tiny', inferenceBatch: '4', trainBatch: '2', byShape: true }, deps);
    expect(deps.calls[0]).toMatchObject({ trainBatch: 2, inferenceBatch: 4, byShape: true });
    expect(deps.out[0]).toContain('inference, batch 4: 12 ms wall, 4 kernel calls, no kernel times (timestamp-query is not supported)');
    expect(deps.out[0]).toMatch(/Conv2D\s+4×\s+\[8,216,256\]/);
  });

  it('prints one JSON object with every row under --json', async () => {
    const deps = fakeDeps();
    await runBenchProfile({ preset: 'cpu-tiny', json: true, top: '1' }, deps);
    const printed = JSON.parse(deps.out[0]) as ModelProfile;
    expect(printed.training.rows.map((r) => r.kernel)).toEqual(['BatchMatMul', 'Add', 'Multiply']);
    expect(printed).toMatchObject({ preset: 'cpu-tiny', backend: 'wasm', trainBatch: 4 });
  });

  it.each([
    [{ preset: 'avenue' }, /--preset must be one of/],
    [{ preset: 'cpu-tiny', top: '0' }, /--top must be an integer ≥ 1/],
    [{ preset: 'cpu-tiny', trainBatch: 'x' }, /--train-batch must be an integer ≥ 1/],
    [{ preset: 'cpu-tiny', backend: 'metal' }, /--backend must be one of/],
  ])('refuses %j with a usage error', async (flags, message) => {
    const deps = fakeDeps();
    await expect(runBenchProfile(flags, deps)).rejects.toThrow(CliUsageError);
    await expect(runBenchProfile(flags, deps)).rejects.toThrow(message);
    expect(deps.calls).toHaveLength(0);
  });
});
