import { MetricsError, MetricsErrorCode } from '../metrics.error';
import { assertScoredSamples, countPositives } from './scored-samples';

function codeOf(run: () => void): MetricsErrorCode | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof MetricsError) return error.code;
    throw error;
  }
  return undefined;
}

describe('assertScoredSamples', () => {
  it('accepts finite scores with 0/1 labels of the same length', () => {
    expect(codeOf(() => assertScoredSamples({ scores: [0.5, -2, 1e9], labels: [0, 1, 1] }))).toBeUndefined();
  });

  it.each([
    ['a length mismatch', { scores: [1, 2], labels: [1] }, MetricsErrorCode.LengthMismatch],
    ['no samples', { scores: [], labels: [] }, MetricsErrorCode.EmptyInput],
    ['a NaN score', { scores: [1, Number.NaN], labels: [0, 1] }, MetricsErrorCode.NonFiniteScore],
    ['an infinite score', { scores: [Number.POSITIVE_INFINITY, 0], labels: [0, 1] }, MetricsErrorCode.NonFiniteScore],
    ['a label of 2', { scores: [1, 2], labels: [0, 2] }, MetricsErrorCode.InvalidLabel],
    ['a label of 0.5', { scores: [1, 2], labels: [0.5, 1] }, MetricsErrorCode.InvalidLabel],
  ])('rejects %s', (_, samples, code) => {
    expect(codeOf(() => assertScoredSamples(samples))).toBe(code);
  });

  it('names the data and the index in the message', () => {
    expect(() => assertScoredSamples({ scores: [0, Number.NaN], labels: [0, 1] }, 'video "07"')).toThrow('video "07": score 1 is NaN');
  });
});

describe('countPositives', () => {
  it('counts the ones', () => {
    expect(countPositives(Uint8Array.of(1, 0, 1, 1))).toBe(3);
  });
});
