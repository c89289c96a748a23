import type { BenchTrainOptions, BenchTrainResult } from '@vad/model';
import type { TrainingEndToEndOptions } from './training-end-to-end';
import { CliUsageError } from '../cli-error';
import { runBenchTrain, type BenchTrainDeps } from './bench-train.command';

function fakeDeps(
  cores = 4,
): BenchTrainDeps & { out: string[]; err: string[]; calls: BenchTrainOptions[]; endToEndCalls: TrainingEndToEndOptions[]; disposed: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const calls: BenchTrainOptions[] = [];
  const endToEndCalls: TrainingEndToEndOptions[] = [];
  const disposed: string[] = [];
  return {
    out,
    err,
    calls,
    endToEndCalls,
    disposed,
    benchVideo: async (file) => {
      const name = file ?? '/tmp/generated/testsrc.mp4';
      return { file: name, dispose: async () => void disposed.push(name) };
    },
    trainingEndToEnd: async (o) => {
      endToEndCalls.push(o);
      return { fps: 2.7, steps: 8 };
    },
    cores: () => cores,
    selectBackend: async (o) => ({ choice: o.backend ?? 'wasm', tfBackend: o.backend ?? 'wasm', adapter: null, skipped: [] }),
    benchTrain: async (o): Promise<BenchTrainResult> => {
      calls.push(o);
      return {
        preset: o.preset.name,
        engine: 'tfjs',
        backend: o.backend,
        workers: o.workers,
        batch: o.batch ?? 0,
        runs: o.runs ?? 0,
        peakGflops: 10,
        gflopsPerFrame: 1.5,
        singleFps: 2,
        parallelFps: 3.6,
        modelFps: 3.6,
        speedup: 1.8,
        achievedGflops: 5.4,
        peakRatio: 0.27,
        maxLossDifference: 3e-7,
      };
    },
    stdout: (t) => out.push(t),
    stderr: (l) => err.push(l),
  };
}

describe('vad bench train', () => {
  it('prints one JSON object with --json, with one replica per core and the preset’s batch by default', async () => {
    const deps = fakeDeps(3);
    await runBenchTrain({ preset: 'cpu-ped2', json: true }, deps);
    expect(JSON.parse(deps.out[0])).toMatchObject({ preset: 'cpu-ped2', backend: 'wasm', workers: 3, speedup: 1.8, runs: 5 });
    expect(deps.calls[0]).toMatchObject({ workers: 3, batch: 16, runs: 5, backend: 'wasm' });
  });

  it('prints the speed-up and the loss agreement in words otherwise', async () => {
    const deps = fakeDeps();
    await runBenchTrain({ preset: 'cpu-tiny', workers: '2', batch: '4', runs: '6' }, deps);
    expect(deps.out[0]).toContain('2 replicas        3.60 frames/s (1.80× one thread)');
    expect(deps.out[0]).toContain('27.0% of 2 × the one-thread peak');
    expect(deps.out[0]).toContain('largest relative difference 3.00e-7');
    expect(deps.calls[0]).toMatchObject({ workers: 2, batch: 4, runs: 6 });
  });

  it('trains the same replicas end to end on the video, reports the ratio to model only, and cleans the video up', async () => {
    const deps = fakeDeps(2);
    const report = await runBenchTrain({ preset: 'cpu-tiny', batch: '4', json: true, backend: 'cpu' }, deps);
    expect(deps.endToEndCalls[0]).toMatchObject({ file: '/tmp/generated/testsrc.mp4', batch: 4, workers: 2, backend: 'cpu', runs: 5, warmupRuns: 1 });
    expect(report).toMatchObject({ modelFps: 3.6, endToEndFps: 2.7, endToEndSource: 'testsrc.mp4' });
    expect(report.endToEndRatio).toBeCloseTo(0.75, 12);
    expect(JSON.parse(deps.out[0])).toMatchObject({ endToEndFps: 2.7, endToEndRatio: report.endToEndRatio });
    expect(deps.disposed).toEqual(['/tmp/generated/testsrc.mp4']);
    const words = fakeDeps(2);
    await runBenchTrain({ preset: 'cpu-tiny', video: '/data/01.mp4' }, words);
    expect(words.out[0]).toContain('end to end        2.70 frames/s = 75.0% of model only');
    expect(words.endToEndCalls[0].file).toBe('/data/01.mp4');
  });

  it('asks for at least two replicas even on one core, and refuses fewer', async () => {
    const deps = fakeDeps(1);
    await runBenchTrain({ preset: 'cpu-tiny', json: true }, deps);
    expect(deps.calls[0].workers).toBe(2);
    await expect(runBenchTrain({ preset: 'cpu-tiny', workers: '1' }, fakeDeps())).rejects.toThrow(
      new CliUsageError('--workers must be an integer ≥ 2, got "1"'),
    );
  });

  it('refuses unknown presets, too few runs and unknown backends with one line', async () => {
    await expect(runBenchTrain({ preset: 'nope' }, fakeDeps())).rejects.toThrow(CliUsageError);
    await expect(runBenchTrain({ preset: 'cpu-tiny', runs: '3' }, fakeDeps())).rejects.toThrow('--runs must be an integer ≥ 5, got "3"');
    await expect(runBenchTrain({ preset: 'cpu-tiny', backend: 'tpu' }, fakeDeps())).rejects.toThrow('--backend must be one of');
  });
});
