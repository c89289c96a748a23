// A labelled progress bar (0..1); an unknown fraction shows an indeterminate bar.
export function ProgressBar({ fraction, label }: { fraction: number | null | undefined; label: string }) {
  const known = fraction != null && Number.isFinite(fraction);
  const percent = known ? Math.round(Math.min(1, Math.max(0, fraction)) * 100) : undefined;
  return (
    <div
      className={known ? 'progress' : 'progress indeterminate'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      <div className="progress-fill" style={{ width: known ? `${percent}%` : undefined }} />
    </div>
  );
}
