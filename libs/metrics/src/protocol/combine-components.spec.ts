import { MetricsErrorCode } from '../metrics.error';
import { combineComponents, combineMapComponents } from './combine-components';

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
  it('combines pixel by pixel', () => {
    const map = (values: number[]) => ({ width: 2, height: 1, data: Float32Array.from(values) });
    const [combined] = combineMapComponents(
      { teacherError: [map([1, 0])], discrepancy: [map([0, 10])], classifier: [map([0, 0])] },
      weights,
    );
    expect(combined.data[0]).toBeCloseTo(0.4, 6);
    expect(combined.data[1]).toBeCloseTo(3, 6);
  });

  it('rejects maps of different sizes', () => {
    const small = { width: 1, height: 1, data: new Float32Array(1) };
    const large = { width: 2, height: 1, data: new Float32Array(2) };
    expect(() => combineMapComponents({ teacherError: [small], discrepancy: [large], classifier: [small] }, weights)).toThrow(
      expect.objectContaining({ code: MetricsErrorCode.InvalidMap }),
    );
  });
});
