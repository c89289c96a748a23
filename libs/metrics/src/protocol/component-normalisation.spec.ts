import { MetricsErrorCode } from '../metrics.error';
import { estimateComponentStatistics, normaliseComponents } from './component-normalisation';

const map = (values: number[]) => ({ width: values.length, height: 1, data: Float32Array.from(values) });
const group = (...maps: ReturnType<typeof map>[]) => ({ channels: 1, maps });

describe('estimateComponentStatistics', () => {
  it('takes the mean and standard deviation of each channel group over every cell of every frame of every video, and over frames for the classifier', () => {
    const statistics = estimateComponentStatistics([
      {
        teacherError: { frame: group(map([1, 3]), map([5, 7])), anomalyMap: group(map([0, 0]), map([0, 1])) },
        discrepancy: { frame: group(map([2, 2]), map([2, 2])) },
        classifier: [0, 1],
      },
      { teacherError: { frame: group(map([9, 11])), anomalyMap: group(map([0, 0])) }, discrepancy: { frame: group(map([2, 2])) }, classifier: [1] },
    ]);
    // frame: 1, 3, 5, 7, 9, 11 → mean 6, population deviation √(70/6); anomaly map: five 0s and a 1
    expect(statistics.teacherError.frame.location).toBeCloseTo(6, 12);
    expect(statistics.teacherError.frame.scale).toBeCloseTo(Math.sqrt(70 / 6), 12);
    expect(statistics.teacherError.anomalyMap.location).toBeCloseTo(1 / 6, 12);
    expect(statistics.teacherError.anomalyMap.scale).toBeCloseTo(Math.sqrt(5 / 36), 12);
    // a constant group keeps scale 1 so that it stays finite
    expect(statistics.discrepancy).toEqual({ frame: { location: 2, scale: 1 } });
    expect(statistics.classifier?.location).toBeCloseTo(2 / 3, 12);
    expect(statistics.classifier?.scale).toBeCloseTo(Math.sqrt(2 / 9), 12);
  });

  it('has no statistics for a component the model lacks', () => {
    const statistics = estimateComponentStatistics([{ teacherError: { frame: group(map([1, 2])) }, discrepancy: null, classifier: null }]);
    expect(statistics).toEqual({ teacherError: { frame: { location: 1.5, scale: 0.5 } }, discrepancy: null, classifier: null });
  });

  it('refuses empty or non-finite input, and videos with different channel groups', () => {
    expect(() => estimateComponentStatistics([])).toThrow(expect.objectContaining({ code: MetricsErrorCode.EmptyInput }));
    expect(() => estimateComponentStatistics([{ teacherError: { frame: group(map([1, Number.NaN])) }, discrepancy: null, classifier: null }])).toThrow(
      expect.objectContaining({ code: MetricsErrorCode.NonFiniteScore }),
    );
    expect(() =>
      estimateComponentStatistics([
        { teacherError: { frame: group(map([1])) }, discrepancy: null, classifier: null },
        { teacherError: { frame: group(map([1])), anomalyMap: group(map([0])) }, discrepancy: null, classifier: null },
      ]),
    ).toThrow(expect.objectContaining({ code: MetricsErrorCode.InvalidParameter }));
  });
});

describe('normaliseComponents', () => {
  const components = {
    teacherError: { frame: group(map([2, 4]), map([6, 10])), anomalyMap: group(map([0, 0.5]), map([0, 0])) },
    discrepancy: { frame: group(map([1, 1]), map([1, 1])) },
    classifier: [0.2, 0.6],
  };
  const values = (g: { maps: readonly { data: ArrayLike<number> }[] }) => g.maps.map((m) => Array.from(m.data));

  it('leaves raw components alone with `none`', () => {
    expect(normaliseComponents(components, 'none', null)).toBe(components);
  });

  it('standardises each channel group with its own statistics', () => {
    const out = normaliseComponents(components, 'training-statistics', {
      teacherError: { frame: { location: 2, scale: 2 }, anomalyMap: { location: 0, scale: 0.25 } },
      discrepancy: { frame: { location: 1, scale: 4 } },
      classifier: { location: 0.2, scale: 0.2 },
    });
    expect(values(out.teacherError.frame)).toEqual([
      [0, 1],
      [2, 4],
    ]);
    expect(values(out.teacherError.anomalyMap)).toEqual([
      [0, 2],
      [0, 0],
    ]);
    expect(out.teacherError.anomalyMap.channels).toBe(1);
    expect(values(out.discrepancy?.frame ?? group())).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(Array.from(out.classifier ?? []).map((v) => Number(v.toFixed(12)))).toEqual([0, 2]);
  });

  it('rescales each channel group to [0, 1] within the video with `per-video-min-max`; a constant one becomes zeros', () => {
    const out = normaliseComponents(components, 'per-video-min-max', null);
    expect(values(out.teacherError.frame)).toEqual([
      [0, 0.25],
      [0.5, 1],
    ]);
    expect(values(out.teacherError.anomalyMap)).toEqual([
      [0, 1],
      [0, 0],
    ]);
    expect(values(out.discrepancy?.frame ?? group())).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(Array.from(out.classifier ?? [])).toEqual([0, 1]);
  });

  it('needs statistics for `training-statistics`, covering every channel group present', () => {
    expect(() => normaliseComponents(components, 'training-statistics', null)).toThrow(expect.objectContaining({ code: MetricsErrorCode.InvalidParameter }));
    const unit = { location: 0, scale: 1 };
    expect(() =>
      normaliseComponents(components, 'training-statistics', { teacherError: { frame: unit }, discrepancy: { frame: unit }, classifier: unit }),
    ).toThrow(expect.objectContaining({ code: MetricsErrorCode.InvalidParameter }));
    expect(() =>
      normaliseComponents(components, 'training-statistics', {
        teacherError: { frame: unit, anomalyMap: unit },
        discrepancy: { frame: unit },
        classifier: null,
      }),
    ).toThrow(expect.objectContaining({ code: MetricsErrorCode.InvalidParameter }));
  });
});
