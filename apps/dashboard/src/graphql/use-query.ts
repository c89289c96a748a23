// React hook for a typed query: loading, error and data, refetch, and optional polling.
'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { executeOperation } from './execute-operation';
import type { TypedDocumentString } from './generated/graphql';

export interface QueryState<TResult> {
  data: TResult | undefined;
  error: unknown;
  /** True until the first answer (later refetches keep the old data on screen). */
  loading: boolean;
  refetch(): Promise<void>;
}

export interface QueryOptions {
  /** Do not run (e.g. while a required id is not chosen yet). */
  skip?: boolean;
  /** Refetch every this many milliseconds. */
  pollMs?: number;
}

export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: QueryOptions = {},
): QueryState<TResult> {
  const [data, setData] = useState<TResult>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(!options.skip);
  const key = JSON.stringify(variables ?? {});
  // The latest request wins: an older answer arriving late must not overwrite a newer one.
  const latest = useRef(0);

  const run = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const result = await executeOperation(document, JSON.parse(key) as TVariables);
      if (ticket !== latest.current) return;
      setData(result);
      setError(undefined);
    } catch (caught) {
      if (ticket !== latest.current) return;
      setError(caught);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [document, key]);

  useEffect(() => {
    if (options.skip) {
      setLoading(false);
      return;
    }
    setLoading(true);
    void run();
  }, [run, options.skip]);

  useEffect(() => {
    if (options.skip || !options.pollMs) return;
    const timer = setInterval(() => void run(), options.pollMs);
    return () => clearInterval(timer);
  }, [run, options.skip, options.pollMs]);

  return { data, error, loading, refetch: run };
}
