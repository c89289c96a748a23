// Frames per second for people: three significant digits, "—" when unknown.
export function formatRate(framesPerSecond: number | null | undefined): string {
  if (framesPerSecond == null || !Number.isFinite(framesPerSecond)) return '—';
  if (framesPerSecond >= 100) return `${Math.round(framesPerSecond)} fps`;
  if (framesPerSecond >= 10) return `${framesPerSecond.toFixed(1)} fps`;
  return `${framesPerSecond.toFixed(2)} fps`;
}
