import { getPreset } from '../presets/model-presets';
import { countParameters } from '../config/model-cost';
import { useWasmBackend } from '../testing/tiny-model.fixture';
import { benchModel, median } from './bench-model';

beforeAll(useWasmBackend);

describe('benchModel', () => {
  it('reports size, cost and median speeds for a preset', async () => {
    let clock = 0;
    const lines: string[] = [];
    const result = await benchModel({
      preset: getPreset('cpu-tiny'),
      backend: 'wasm',
      runs: 3,
      inferenceBatchSizes: [1, 2],
      trainBatchSize: 2,
      now: () => (clock += 500),
      log: (l) => lines.push(l),
    });
    expect(result).toMatchObject({ preset: 'cpu-tiny', backend: 'wasm', params: countParameters(getPreset('cpu-tiny').model), trainBatch: 2, runs: 3 });
    // Each timed run takes two clock reads 0.5 s apart on the fake clock.
    expect(result.inferenceFps).toEqual({ '1': 2, '2': 4 });
    expect(result.trainFps).toBe(4);
    expect(result.gflopsPerFrame).toBeGreaterThan(0);
    expect(lines).toHaveLength(3);
  });

  it('takes medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
