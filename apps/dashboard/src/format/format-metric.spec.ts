import { formatMetric } from './format-metric';

describe('formatMetric', () => {
  it('prints an AUC as a percentage with one decimal', () => {
    expect(formatMetric(0.9712)).toBe('97.1');
  });

  it('prints RBDC and TBDC, stored as fractions like every metric, ×100 as the paper does', () => {
    expect(formatMetric(0.4677)).toBe('46.8');
  });

  it('prints a dash for a missing value', () => {
    expect(formatMetric(null)).toBe('—');
  });
});
