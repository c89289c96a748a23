// Evaluation numbers as the paper prints them: AUC as a percentage with one decimal; RBDC/TBDC are
// already ×100 (EVALUATION.md), so they only get the decimal.
export type MetricScale = 'fraction' | 'percent';

export function formatMetric(value: number | null | undefined, scale: MetricScale = 'fraction'): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return (scale === 'fraction' ? value * 100 : value).toFixed(1);
}
