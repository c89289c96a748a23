import { InMemoryFrameStore } from '@vad/data';
import { Detector, getPreset, selectBackend } from '@vad/model';
import { measureComponentStatistics, testMaskingMismatch, type StoredComponentStatistics } from './component-statistics-file';

describe('measureComponentStatistics', () => {
  const { model } = getPreset('cpu-tiny');
  // frames whose content differs from frame to frame, so that masked tokens are not trivially inpainted
  const frames = Array.from({ length: 6 }, (_, t) => Uint8Array.from({ length: model.inputWidth * model.inputHeight }, (_, i) => ((i * 7 + t * 13) % 17) * 15));
  const video = new InMemoryFrameStore('v', model.inputWidth, model.inputHeight, 1, frames);
  let detector: Detector;

  beforeAll(async () => {
    await selectBackend({ backend: 'wasm', log: () => undefined });
    detector = Detector.create(model, 3);
  });
  afterAll(() => detector.dispose());

  it('scores every token visible by default and records how the videos were masked', async () => {
    const visible = await measureComponentStatistics(detector, [video], { heldOut: true });
    const complementary = await measureComponentStatistics(detector, [video], { heldOut: true, testMasking: { mode: 'complementary' } });
    expect(visible.source).toEqual({ videos: ['v'], frames: 6, heldOut: true, testMasking: { mode: 'off' } });
    expect(complementary.source.testMasking).toEqual({ mode: 'complementary' });
    // the masking reaches the scores: inpainted tokens give other statistics than reconstructed ones
    expect(complementary.statistics).not.toEqual(visible.statistics);
  });
});

describe('testMaskingMismatch', () => {
  const stored = (testMasking?: StoredComponentStatistics['source']['testMasking']): StoredComponentStatistics => ({
    format: 'vad-component-statistics',
    formatVersion: 1,
    statistics: { teacherError: {}, discrepancy: null, classifier: null } as unknown as StoredComponentStatistics['statistics'],
    source: { videos: ['d'], frames: 10, heldOut: true, ...(testMasking === undefined ? {} : { testMasking }) },
  });

  it('is silent when the scores are masked as the statistics were, or when there are no statistics', () => {
    expect(testMaskingMismatch(stored({ mode: 'complementary' }), { mode: 'complementary' })).toBeNull();
    // seeds differ, the mode is the same: the scales agree
    expect(testMaskingMismatch(stored({ mode: 'seeded', seed: 1 }), { mode: 'seeded', seed: 2 })).toBeNull();
    expect(testMaskingMismatch(null, { mode: 'seeded', seed: 1 })).toBeNull();
  });

  it('reads a file written before masking was recorded as unmasked', () => {
    expect(testMaskingMismatch(stored(), { mode: 'off' })).toBeNull();
    expect(testMaskingMismatch(stored(), { mode: 'complementary' })).toMatch(/complementary .*differs.*\(off\)/);
  });

  it('names both maskings when they differ', () => {
    expect(testMaskingMismatch(stored({ mode: 'off' }), { mode: 'seeded', seed: 4 })).toBe(
      'test-time masking seeded with 4 differs from the masking the component statistics were measured with (off): normalised components may be off scale',
    );
  });
});
