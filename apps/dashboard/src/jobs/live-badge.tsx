// Says whether a screen receives live updates or falls back to polling.
import type { LiveStatus } from '../graphql/use-subscription';

export function LiveBadge({ status }: { status: LiveStatus }) {
  const text = status === 'live' ? '● live' : status === 'connecting' ? 'connecting…' : 'polling every 3 s';
  return (
    <span
      className={`badge ${status === 'live' ? 'ok' : ''}`}
      role="status"
      title={status === 'offline' ? 'The live connection to the API failed; refreshing by polling' : undefined}
    >
      {text}
    </span>
  );
}
