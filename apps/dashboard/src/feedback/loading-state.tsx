// What a screen shows while its data is on the way.
export function LoadingState({ label }: { label: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading {label}…
    </p>
  );
}
