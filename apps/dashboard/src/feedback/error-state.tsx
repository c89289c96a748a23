// What a screen shows when its data could not be had: the reason, what to do, and a way to try again.
'use client';
import { describeError } from '../graphql/graphql-request-error';

export function ErrorState({ error, onRetry, title = 'Something went wrong' }: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <div className="callout bad" role="alert">
      <strong>{title}</strong>
      <p>{describeError(error)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A one-line error under a form or button. */
export function InlineError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="bad small" role="alert">
      {describeError(error)}
    </p>
  );
}
