import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { benchInference, selectBackend, type BenchInferenceOptions, type BenchInferenceResult } from '@vad/model';
import { CliUsageError } from '../cli-error';
import { defaultDeps, registerBenchInferenceCommand, runBenchInference, type BenchInferenceDeps } from './bench-inference.command';

const PED2_VIDEO = path.resolve(__dirname, '../../../../../shared/datasets/ucsd-ped2/videos/test/01.mp4');

function fakeDeps(): BenchInferenceDeps & {
  out: string[];
  err: string[];
  calls: BenchInferenceOptions[];
  backends: Array<string | undefined>;
  videos: Array<string | undefined>;
} {
  const out: string[] = [];
  const err: string[] = [];
  const calls: BenchInferenceOptions[] = [];
  const backends: Array<string | undefined> = [];
  const videos: Array<string | undefined> = [];
  return {
    out,
    videos,
    benchVideo: async (file) => {
      videos.push(file);
      return { file: file ?? '/tmp/generated.mp4', dispose: async () => undefined };
    },
    err,
    calls,
    backends,
    selectBackend: async (o) => {
      backends.push(o.backend);
      return { choice: o.backend ?? 'wasm', tfBackend: o.backend ?? 'wasm', adapter: null, skipped: [] };
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
        endToEndFps: 30,
        endToEndRatio: 0.75,
        endToEndSource: o.endToEnd?.label ?? null,
        streams: o.endToEnd?.streams ?? 0,
        endToEndFrames: 180,
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
    expect(JSON.parse(deps.out[0])).toMatchObject({
      preset: 'cpu-ped2',
      engine: 'onnx',
      peakGflops: 100,
      gflopsPerFrame: 0.5,
      modelFps: 40,
      achievedGflops: 20,
      batch: 8,
      runs: 5,
    });
    expect(deps.backends).toEqual([]);
    expect(JSON.parse(deps.out[0])).toMatchObject({ endToEndFps: 30, endToEndRatio: 0.75, streams: 1 });
  });

  it('decodes the given video for the end-to-end figure, in as many streams as asked, and prints it', async () => {
    const deps = fakeDeps();
    await runBenchInference({ preset: 'cpu-tiny', video: 'clip.mp4', streams: '3' }, deps);
    expect(deps.videos).toEqual(['clip.mp4']);
    expect(deps.calls[0].endToEnd).toMatchObject({ label: 'clip.mp4', streams: 3 });
    expect(deps.out[0]).toContain('end to end      30.00 frames/s = 75.0% of model-only');
  });

  it('selects the tfjs backend for the tfjs engine and prints a readable table', async () => {
    const deps = fakeDeps();
    await runBenchInference({ preset: 'cpu-tiny', engine: 'tfjs', backend: 'cpu', runs: '7' }, deps);
    expect(deps.backends).toEqual(['cpu']);
    expect(deps.calls[0]).toMatchObject({ engine: 'tfjs', runs: 7, batch: 32, matMulSize: 2048 });
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
    [{ preset: 'cpu-tiny', streams: '0' }, /--streams must be an integer ≥ 1/],
  ])('rejects bad flags %j', async (flags, message) => {
    await expect(runBenchInference(flags, fakeDeps())).rejects.toThrow(CliUsageError);
    await expect(runBenchInference(flags, fakeDeps())).rejects.toThrow(message);
  });

  it('measures cpu-tiny on ONNX Runtime, end to end on a generated video', async () => {
    const out: string[] = [];
    const result = await runBenchInference(
      { preset: 'cpu-tiny', engine: 'onnx', batch: '8', matmulSize: '64', json: true },
      { ...fakeDeps(), selectBackend, benchInference, benchVideo: defaultDeps.benchVideo, stdout: (t) => out.push(t) },
    );
    expect(result.modelFps).toBeGreaterThan(0);
    expect(result.peakGflops).toBeGreaterThan(0);
    expect(JSON.parse(out[0]).achievedGflops).toBeCloseTo(result.achievedGflops, 9);
    expect(result).toMatchObject({ endToEndFrames: 180, endToEndSource: 'testsrc.mp4', streams: 1 });
    expect(result.endToEndRatio).toBeCloseTo((result.endToEndFps as number) / result.modelFps, 9);
  }, 30_000);

  // The data sets live in ../shared beside the checkout (on this machine and in CI); a clone without it skips this.
  (existsSync(PED2_VIDEO) ? it : it.skip)(
    'decodes a Ped2 test video end to end',
    async () => {
      const result = await runBenchInference(
        { preset: 'cpu-tiny', engine: 'onnx', batch: '16', matmulSize: '64', video: PED2_VIDEO, json: true },
        { ...fakeDeps(), selectBackend, benchInference, benchVideo: defaultDeps.benchVideo, stdout: () => undefined },
      );
      expect(result.endToEndFrames).toBeGreaterThan(100);
      expect(result.endToEndFps).toBeGreaterThan(0);
    },
    60_000,
  );

  it('registers `inference` under `bench`', () => {
    const program = new Command();
    const bench = program.command('bench');
    registerBenchInferenceCommand(bench);
    expect(bench.commands.map((c) => c.name())).toEqual(['inference']);
  });
});
