// The decoded-frame cache's disk use (it holds every data set's frames decoded at each model's input size,
// often several times the videos' own size), with a button for owners to empty it.
'use client';
import { InlineError } from '../feedback/error-state';
import { formatBytes } from '../format/format-count';
import { useMutation } from '../graphql/use-mutation';
import { useQuery } from '../graphql/use-query';
import { ClearFrameCacheMutation, FrameCacheQuery } from './datasets.operations';

export function FrameCachePanel() {
  const { data, refetch } = useQuery(FrameCacheQuery, {});
  const clear = useMutation(ClearFrameCacheMutation);
  const usage = data?.frameCache;
  if (!usage) return null;
  return (
    <p className="small muted row" data-testid="frame-cache">
      <span>
        Decoded frames cached for training and inference: <strong>{formatBytes(usage.bytes)}</strong> of a {formatBytes(usage.budgetBytes)} budget
        (VAD_FRAME_CACHE_GB); the least recently used go first when it is full.
      </span>
      {data.viewer?.role === 'OWNER' && usage.bytes > 0 && (
        <button
          type="button"
          className="secondary"
          disabled={clear.running}
          onClick={async () => {
            if (!window.confirm('Remove every cached decoded frame? Jobs decode their videos again when they next need them.')) return;
            if (await clear.mutate({})) await refetch();
          }}
        >
          Clear the cache
        </button>
      )}
      <InlineError error={clear.error} />
    </p>
  );
}
