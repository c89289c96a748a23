// React hook over `subscribe`: reports whether updates arrive live, so screens can poll when they do not.
'use client';
import { useEffect, useRef, useState } from 'react';
import type { TypedDocumentString } from './generated/graphql';
import { subscribe } from './subscription-client';

export type LiveStatus = 'connecting' | 'live' | 'offline';

export function useSubscription<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  onData: (data: TResult) => void,
  options: { skip?: boolean } = {},
): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const handler = useRef(onData);
  handler.current = onData;
  const key = JSON.stringify(variables ?? {});
  useEffect(() => {
    if (options.skip) return;
    setStatus('connecting');
    return subscribe(document, JSON.parse(key) as TVariables, {
      next: (data) => {
        setStatus('live');
        handler.current(data);
      },
      connected: () => setStatus('live'),
      error: () => setStatus('offline'),
    });
  }, [document, key, options.skip]);
  return status;
}
