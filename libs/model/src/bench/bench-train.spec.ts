import { getPreset } from '../presets/model-presets';
import { useWasmBackend } from '../testing/tiny-model.fixture';
import { benchTrain } from './bench-train';

jest.setTimeout(60_000);
beforeAll(useWasmBackend);

describe('benchTrain', () => {
  it('times the same steps in one thread and over replicas, whose losses agree to rounding', async () => {
    const lines: string[] = [];
    const result = await benchTrain({
      preset: getPreset('cpu-tiny'),
      workers: 2,
      backend: 'wasm',
      batch: 3,
      runs: 2,
      warmupRuns: 1,
      matMulSize: 64,
      log: (l) => lines.push(l),
    });
    expect(result).toMatchObject({ preset: 'cpu-tiny', backend: 'wasm', workers: 2, batch: 3, runs: 2 });
    expect(result.singleFps).toBeGreaterThan(0);
    expect(result.parallelFps).toBeGreaterThan(0);
    expect(result.speedup).toBeCloseTo(result.parallelFps / result.singleFps, 10);
    expect(result.achievedGflops).toBeCloseTo(result.gflopsPerFrame * result.parallelFps, 10);
    expect(result.maxLossDifference).toBeLessThan(1e-5);
    expect(lines.some((l) => l.includes('2 replica threads'))).toBe(true);
  });
});
