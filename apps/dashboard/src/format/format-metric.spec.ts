import { formatMetric } from './format-metric';

describe('formatMetric', () => {
  it('prints an AUC as a percentage with one decimal', () => {
    expect(formatMetric(0.9712)).toBe('97.1');
  });

  it('prints values already ×100 as they are', () => {
    expect(formatMetric(73.25, 'percent')).toBe('73.3');
  });

  it('prints a dash for a missing value', () => {
    expect(formatMetric(null)).toBe('—');
  });
});
