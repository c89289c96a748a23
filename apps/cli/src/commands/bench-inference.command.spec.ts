/**
 * @jest-environment ../../libs/model/src/onnx/onnx-runtime.jest-environment.cjs
 */
import { Command } from 'commander';
import { benchInference, selectBackend, type BenchInferenceOptions, type BenchInferenceResult } from '@vad/model';
import { CliUsageError } from '../cli-error';
import { registerBenchInferenceCommand, runBenchInference, type BenchInferenceDeps } from './bench-inference.command';

function fakeDeps(): BenchInferenceDeps & { out: string[]; err: string[]; calls: BenchInferenceOptions[]; backends: Array<string | undefined> } {
  const out: string[] = [];
  const err: string[] = [];
  const calls: BenchInferenceOptions[] = [];
  const backends: Array<string | undefined> = [];
  return {
    out,
    err,
    calls,
    backends,
    selectBackend: async (o) => {
      backends.push(o.backend);
      return { choice: o.backend ?? 'wasm', tfBackend: o.backend ?? 'wasm', skipped: [] };
    },
    benchInference: async (o): Promise<BenchInferenceResult> => {
      calls.push(o);
      return {
        preset: o.preset.name,
        engine: o.engine,
        device: `${o.engine}/cpu`,
        batch: o.batch ?? 0,
        peakGflops: 100,
        matMulSize: o.matMulSize ?? 0,
        gflopsPerFrame: 0.5,
        modelFps: 40,
        achievedGflops: 20,
        peakRatio: 0.2,
        runs: o.runs ?? 0,
      };
    },
    stdout: (t) => out.push(t),
    stderr: (l) => err.push(l),
  };
}

describe('vad bench inference', () => {
  it('prints one JSON object with --json', async () => {
    const deps = fakeDeps();
    await runBenchInference({ preset: 'cpu-ped2', engine: 'onnx', batch: '8', json: true }, deps);
    expect(deps.out).toHaveLength(1);
    expect(JSON.parse(deps.out[0])).toMatchObject({ preset: 'cpu-ped2', engine: 'onnx', peakGflops: 100, gflopsPerFrame: 0.5, modelFps: 40, achievedGflops: 20, batch: 8, runs: 5 });
    expect(deps.backends).toEqual([]);
  });

  it('selects the tfjs backend for the tfjs engine and prints a readable table', async () => {
    const deps = fakeDeps();
    await runBenchInference({ preset: 'cpu-tiny', engine: 'tfjs', backend: 'cpu', runs: '7' }, deps);
    expect(deps.backends).toEqual(['cpu']);
    expect(deps.calls[0]).toMatchObject({ engine: 'tfjs', runs: 7, batch: 32, matMulSize: 1024 });
    expect(deps.out[0]).toContain('peak matMul     100.00 GFLOP/s');
    expect(deps.out[0]).toContain('achieved        20.00 GFLOP/s = 20.0% of the measured peak');
  });

  it.each([
    [{ preset: 'avenue' }, /--preset must be one of/],
    [{ preset: 'cpu-tiny', engine: 'torch' }, /--engine must be one of/],
    [{ preset: 'cpu-tiny', runs: '3' }, /--runs must be an integer ≥ 5/],
    [{ preset: 'cpu-tiny', batch: '0' }, /--batch must be an integer ≥ 1/],
    [{ preset: 'cpu-tiny', engine: 'onnx', backend: 'wasm' }, /--backend applies to --engine tfjs/],
    [{ preset: 'cpu-tiny', engine: 'onnx', provider: 'rocm' }, /--provider applies to --engine onnx/],
  ])('rejects bad flags %j', async (flags, message) => {
    await expect(runBenchInference(flags, fakeDeps())).rejects.toThrow(CliUsageError);
    await expect(runBenchInference(flags, fakeDeps())).rejects.toThrow(message);
  });

  it('measures cpu-tiny on ONNX Runtime', async () => {
    const out: string[] = [];
    const result = await runBenchInference(
      { preset: 'cpu-tiny', engine: 'onnx', batch: '2', matmulSize: '64', json: true },
      { ...fakeDeps(), selectBackend, benchInference, stdout: (t) => out.push(t) },
    );
    expect(result.modelFps).toBeGreaterThan(0);
    expect(result.peakGflops).toBeGreaterThan(0);
    expect(JSON.parse(out[0]).achievedGflops).toBeCloseTo(result.achievedGflops, 9);
  });

  it('registers `inference` under `bench`', () => {
    const program = new Command();
    const bench = program.command('bench');
    registerBenchInferenceCommand(bench);
    expect(bench.commands.map((c) => c.name())).toEqual(['inference']);
  });
});
