import { Command } from 'commander';
import { benchModel, selectBackend, type BenchModelOptions, type BenchModelResult } from '@vad/model';
import { CliUsageError } from '../cli-error';
import { registerBenchModelCommand, runBenchModel, type BenchModelDeps } from './bench-model.command';

function fakeDeps(): BenchModelDeps & { out: string[]; err: string[]; calls: BenchModelOptions[] } {
  const out: string[] = [];
  const err: string[] = [];
  const calls: BenchModelOptions[] = [];
  return {
    out,
    err,
    calls,
    selectBackend: async (o) => ({ choice: o.backend ?? 'wasm', tfBackend: o.backend ?? 'wasm', adapter: null, skipped: [] }),
    benchModel: async (o): Promise<BenchModelResult> => {
      calls.push(o);
      return {
        preset: o.preset.name,
        backend: o.backend,
        params: 123,
        gflopsPerFrame: 0.5,
        inferenceFps: { '1': 10, '32': 20 },
        trainFps: 3,
        trainBatch: o.trainBatchSize ?? 0,
        runs: o.runs ?? 0,
      };
    },
    stdout: (t) => out.push(t),
    stderr: (l) => err.push(l),
  };
}

describe('vad bench model', () => {
  it('prints one JSON object with --json', async () => {
    const deps = fakeDeps();
    await runBenchModel({ preset: 'cpu-ped2', backend: 'cpu', json: true, runs: '3' }, deps);
    expect(deps.out).toHaveLength(1);
    const printed = JSON.parse(deps.out[0]);
    expect(printed).toMatchObject({
      preset: 'cpu-ped2',
      backend: 'cpu',
      params: 123,
      gflopsPerFrame: 0.5,
      inferenceFps: { '1': 10, '32': 20 },
      trainFps: 3,
      runs: 3,
    });
    expect(deps.calls[0].trainBatchSize).toBe(8);
  });

  it('prints a readable table otherwise', async () => {
    const deps = fakeDeps();
    await runBenchModel({ preset: 'cpu-tiny', trainBatch: '2' }, deps);
    expect(deps.out[0]).toContain('parameters      123');
    expect(deps.out[0]).toContain('10.00 frames/s (batch 1), 20.00 frames/s (batch 32)');
    expect(deps.out[0]).toContain('batch 2');
  });

  it.each([
    [{ preset: 'avenue' }, /--preset must be one of/],
    [{ preset: 'cpu-tiny', backend: 'cuda' }, /--backend must be one of/],
    [{ preset: 'cpu-tiny', runs: '0' }, /--runs must be a positive integer/],
  ])('rejects bad flags %j', async (flags, message) => {
    await expect(runBenchModel(flags, fakeDeps())).rejects.toThrow(CliUsageError);
    await expect(runBenchModel(flags, fakeDeps())).rejects.toThrow(message);
  });

  it('measures a real preset on wasm', async () => {
    const out: string[] = [];
    const result = await runBenchModel(
      { preset: 'cpu-tiny', backend: 'wasm', json: true, runs: '1' },
      { ...fakeDeps(), selectBackend, benchModel, stdout: (t) => out.push(t) },
    );
    expect(result.backend).toBe('wasm');
    expect(result.inferenceFps['32']).toBeGreaterThan(0);
    expect(result.trainFps).toBeGreaterThan(0);
    expect(JSON.parse(out[0]).params).toBe(result.params);
  });

  it('registers `model` under the bench command', () => {
    const bench = new Command('bench');
    registerBenchModelCommand(bench);
    const model = bench.commands.find((c) => c.name() === 'model');
    expect(model?.options.map((o) => o.long)).toEqual(['--preset', '--backend', '--runs', '--train-batch', '--json']);
  });
});
