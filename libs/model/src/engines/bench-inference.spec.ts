// benchInference on the tiny preset with a fake clock (exact figures) and with the real one (sane figures).
import { gflopsPerFrame } from '../config/model-cost';
import { getPreset } from '../presets/model-presets';
import { benchInference, medianSeconds } from './bench-inference';

describe('medianSeconds', () => {
  it('skips the warm-up runs and reports the median of the timed ones', async () => {
    const durations = [100, 100, 3, 1, 2];
    let t = 0;
    let call = 0;
    const seconds = await medianSeconds(
      3,
      2,
      () => t,
      async () => {
        t += durations[call++] * 1000;
      },
    );
    expect(call).toBe(5);
    expect(seconds).toBe(2);
  });
});

describe('benchInference', () => {
  it('derives achieved GFLOP/s and the ratio to the peak from the timings', async () => {
    // Every timed call takes 0.5 s on the fake clock: the probe and the model alike.
    let t = 0;
    let reads = 0;
    const now = () => (reads++ % 2 === 0 ? t : (t += 500));
    const preset = getPreset('cpu-tiny');
    const result = await benchInference({ preset, engine: 'onnx', batch: 4, runs: 1, warmupRuns: 0, matMulSize: 64, now });
    expect(result.peakGflops).toBeCloseTo((2 * 64 ** 3) / 0.5 / 1e9, 9);
    expect(result.modelFps).toBeCloseTo(8, 9);
    expect(result.gflopsPerFrame).toBe(gflopsPerFrame(preset.model, { testMasking: false }));
    expect(result.achievedGflops).toBeCloseTo(8 * result.gflopsPerFrame, 9);
    expect(result.peakRatio).toBeCloseTo(result.achievedGflops / result.peakGflops, 9);
    expect(result).toMatchObject({ preset: 'cpu-tiny', engine: 'onnx', device: 'onnx/cpu', batch: 4, runs: 1, endToEndFps: null, endToEndRatio: null });
  });

  it('measures end to end over decoded streams sharing batches, with its ratio to model-only', async () => {
    const preset = getPreset('cpu-tiny');
    const opened: Array<{ width: number; height: number }> = [];
    async function* decoded(geometry: { width: number; height: number }): AsyncGenerator<Uint8Array> {
      opened.push(geometry);
      for (let i = 0; i < 10; i++) yield new Uint8Array(geometry.width * geometry.height).fill(i * 20);
    }
    const result = await benchInference({
      preset,
      engine: 'onnx',
      batch: 4,
      runs: 1,
      warmupRuns: 0,
      matMulSize: 32,
      endToEnd: { label: 'synthetic', streams: 2, open: decoded },
    });
    expect(opened).toEqual([
      { width: preset.model.inputWidth, height: preset.model.inputHeight, colour: 'gray' },
      { width: preset.model.inputWidth, height: preset.model.inputHeight, colour: 'gray' },
    ]);
    expect(result).toMatchObject({ endToEndSource: 'synthetic', streams: 2, endToEndFrames: 20 });
    expect(result.endToEndFps).toBeGreaterThan(0);
    expect(result.endToEndRatio).toBeCloseTo((result.endToEndFps as number) / result.modelFps, 9);
  });

  it.each(['tfjs', 'onnx'] as const)('measures positive figures on the %s engine', async (engine) => {
    const result = await benchInference({ preset: getPreset('cpu-tiny'), engine, batch: 2, runs: 1, warmupRuns: 1, matMulSize: 64 });
    expect(result.engine).toBe(engine);
    expect(result.peakGflops).toBeGreaterThan(0);
    expect(result.modelFps).toBeGreaterThan(0);
    expect(Number.isFinite(result.peakRatio)).toBe(true);
  });
});
