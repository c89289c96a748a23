// Evaluation numbers as the paper prints them: a percentage with one decimal. The platform stores every
// metric as a fraction, RBDC and TBDC included (the paper's tables show them ×100).
export function formatMetric(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return (value * 100).toFixed(1);
}
