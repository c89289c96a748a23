// Tick labels for the score axis: three significant digits, or more where the ticks of a narrow range
// would otherwise read alike (0.2830 … 0.2850 must not show 0.283, 0.284, 0.284, 0.284).
export function axisTickFormatter(range: { min: number; max: number }, ticks = 5): (value: number) => string {
  const step = Math.abs(range.max - range.min) / Math.max(1, ticks - 1);
  // decimals at which neighbouring ticks `step` apart round to different labels
  const apart = step > 0 && Number.isFinite(step) ? Math.max(0, Math.ceil(-Math.log10(step))) : 0;
  return (value: number) => {
    if (Math.abs(value) >= 100) return value.toFixed(0);
    const significant = value === 0 ? 2 : 2 - Math.floor(Math.log10(Math.abs(value)));
    return value.toFixed(Math.min(10, Math.max(apart, significant)));
  };
}
