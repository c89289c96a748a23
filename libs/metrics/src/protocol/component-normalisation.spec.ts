import { MetricsErrorCode } from '../metrics.error';
import { estimateComponentStatistics, normaliseComponents } from './component-normalisation';

const map = (values: number[]) => ({ width: values.length, height: 1, data: Float32Array.from(values) });

describe('estimateComponentStatistics', () => {
  it('takes the mean and standard deviation over every cell of every frame of every video, and over frames for the classifier', () => {
    const statistics = estimateComponentStatistics([
      { teacherError: [map([1, 3]), map([5, 7])], discrepancy: [map([2, 2]), map([2, 2])], classifier: [0, 1] },
      { teacherError: [map([9, 11])], discrepancy: [map([2, 2])], classifier: [1] },
    ]);
    // teacher error: 1, 3, 5, 7, 9, 11 → mean 6, population deviation √(70/6)
    expect(statistics.teacherError.location).toBeCloseTo(6, 12);
    expect(statistics.teacherError.scale).toBeCloseTo(Math.sqrt(70 / 6), 12);
    // a constant component keeps scale 1 so that it stays finite
    expect(statistics.discrepancy).toEqual({ location: 2, scale: 1 });
    expect(statistics.classifier?.location).toBeCloseTo(2 / 3, 12);
    expect(statistics.classifier?.scale).toBeCloseTo(Math.sqrt(2 / 9), 12);
  });

  it('has no statistics for a component the model lacks', () => {
    const statistics = estimateComponentStatistics([{ teacherError: [map([1, 2])], discrepancy: null, classifier: null }]);
    expect(statistics).toEqual({ teacherError: { location: 1.5, scale: 0.5 }, discrepancy: null, classifier: null });
  });

  it('refuses empty or non-finite input', () => {
    expect(() => estimateComponentStatistics([])).toThrow(expect.objectContaining({ code: MetricsErrorCode.EmptyInput }));
    expect(() => estimateComponentStatistics([{ teacherError: [map([1, Number.NaN])], discrepancy: null, classifier: null }])).toThrow(
      expect.objectContaining({ code: MetricsErrorCode.NonFiniteScore }),
    );
  });
});

describe('normaliseComponents', () => {
  const components = { teacherError: [map([2, 4]), map([6, 10])], discrepancy: [map([1, 1]), map([1, 1])], classifier: [0.2, 0.6] };

  it('leaves raw components alone with `none`', () => {
    expect(normaliseComponents(components, 'none', null)).toBe(components);
  });

  it('standardises with the statistics given', () => {
    const out = normaliseComponents(components, 'training-statistics', {
      teacherError: { location: 2, scale: 2 },
      discrepancy: { location: 1, scale: 4 },
      classifier: { location: 0.2, scale: 0.2 },
    });
    expect(out.teacherError.map((m) => Array.from(m.data))).toEqual([[0, 1], [2, 4]]);
    expect(out.discrepancy?.map((m) => Array.from(m.data))).toEqual([[0, 0], [0, 0]]);
    expect(Array.from(out.classifier ?? []).map((v) => Number(v.toFixed(12)))).toEqual([0, 2]);
  });

  it('rescales each component to [0, 1] within the video with `per-video-min-max`; a constant one becomes zeros', () => {
    const out = normaliseComponents(components, 'per-video-min-max', null);
    expect(out.teacherError.map((m) => Array.from(m.data))).toEqual([[0, 0.25], [0.5, 1]]);
    expect(out.discrepancy?.map((m) => Array.from(m.data))).toEqual([[0, 0], [0, 0]]);
    expect(Array.from(out.classifier ?? [])).toEqual([0, 1]);
  });

  it('needs statistics for `training-statistics`, covering every component present', () => {
    expect(() => normaliseComponents(components, 'training-statistics', null)).toThrow(expect.objectContaining({ code: MetricsErrorCode.InvalidParameter }));
    expect(() =>
      normaliseComponents(components, 'training-statistics', { teacherError: { location: 0, scale: 1 }, discrepancy: null, classifier: { location: 0, scale: 1 } }),
    ).toThrow(expect.objectContaining({ code: MetricsErrorCode.InvalidParameter }));
  });
});
