import { MetricsErrorCode } from '../metrics.error';
import { channelMeanMaps, combineComponents, combineMapComponents } from './combine-components';

const weights = { teacherError: 0.4, discrepancy: 0.3, classifier: 0.3 };

describe('combineComponents', () => {
  it('computes α·e + β·d + γ·c per frame (eq. 6)', () => {
    const scores = combineComponents({ teacherError: [1, 0], discrepancy: [0, 2], classifier: [1, 1] }, weights);
    expect(scores[0]).toBeCloseTo(0.4 + 0.3, 15);
    expect(scores[1]).toBeCloseTo(0.6 + 0.3, 15);
  });

  it('rejects components of different lengths', () => {
    expect(() => combineComponents({ teacherError: [1, 2], discrepancy: [1], classifier: [1, 2] }, weights)).toThrow(
      expect.objectContaining({ code: MetricsErrorCode.LengthMismatch }),
    );
  });
});

describe('combineMapComponents', () => {
  const map = (values: number[]) => ({ width: 2, height: 1, data: Float32Array.from(values) });
  const frameOnly = (...maps: ReturnType<typeof map>[]) => ({ frame: { channels: 1, maps } });

  it('combines pixel by pixel and adds γ·ŷ_t to every pixel of frame t', () => {
    const [first, second] = combineMapComponents(
      { teacherError: frameOnly(map([1, 0]), map([0, 0])), discrepancy: frameOnly(map([0, 10]), map([0, 0])), classifier: [0, 2] },
      weights,
    );
    expect(Array.from(first.data)).toEqual([expect.closeTo(0.4, 6), expect.closeTo(3, 6)]);
    expect(Array.from(second.data)).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.6, 6)]);
  });

  it('takes each pixel component as the mean over its output channels, groups weighted by their channel counts', () => {
    // 3 frame channels with mean error 2, 1 anomaly-map channel with error 6: (3·2 + 6) / 4 = 3
    const [combined] = combineMapComponents(
      { teacherError: { frame: { channels: 3, maps: [map([2, 2])] }, anomalyMap: { channels: 1, maps: [map([6, 2])] } }, discrepancy: null, classifier: null },
      { teacherError: 1, discrepancy: 0, classifier: 0 },
    );
    expect(Array.from(combined.data)).toEqual([3, 2]);
  });

  it('counts an absent component as 0', () => {
    const [combined] = combineMapComponents({ teacherError: frameOnly(map([1, 2])), discrepancy: null, classifier: null }, weights);
    expect(Array.from(combined.data)).toEqual([expect.closeTo(0.4, 6), expect.closeTo(0.8, 6)]);
  });

  it('rejects maps of different sizes, and components of different lengths', () => {
    const small = { width: 1, height: 1, data: new Float32Array(1) };
    const large = { width: 2, height: 1, data: new Float32Array(2) };
    expect(() => combineMapComponents({ teacherError: frameOnly(small), discrepancy: frameOnly(large), classifier: [0] }, weights)).toThrow(
      expect.objectContaining({ code: MetricsErrorCode.InvalidMap }),
    );
    expect(() => combineMapComponents({ teacherError: frameOnly(small), discrepancy: null, classifier: [0, 1] }, weights)).toThrow(
      expect.objectContaining({ code: MetricsErrorCode.LengthMismatch }),
    );
    expect(() =>
      combineMapComponents(
        { teacherError: { frame: { channels: 1, maps: [small] }, anomalyMap: { channels: 1, maps: [] } }, discrepancy: null, classifier: null },
        weights,
      ),
    ).toThrow(expect.objectContaining({ code: MetricsErrorCode.LengthMismatch }));
  });
});

describe('channelMeanMaps', () => {
  it('averages a component over its output channels, each group weighted by its channel count', () => {
    const map = (values: number[]) => ({ width: 2, height: 1, data: Float32Array.from(values) });
    const [mean] = channelMeanMaps({ frame: { channels: 3, maps: [map([1, 4])] }, anomalyMap: { channels: 1, maps: [map([5, 0])] } });
    expect(Array.from(mean.data)).toEqual([2, 3]);
  });
});
