// React hook for a typed mutation: run it, and know whether it is running and how it failed.
'use client';
import { useCallback, useState } from 'react';
import { executeOperation } from './execute-operation';
import type { TypedDocumentString } from './generated/graphql';

export interface MutationState<TResult, TVariables> {
  /** Resolves with the result, or with undefined when it failed (the error is in `error`). */
  mutate(variables: TVariables): Promise<TResult | undefined>;
  running: boolean;
  error: unknown;
  reset(): void;
}

export function useMutation<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>): MutationState<TResult, TVariables> {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>();
  const mutate = useCallback(
    async (variables: TVariables) => {
      setRunning(true);
      setError(undefined);
      try {
        return await executeOperation(document, variables);
      } catch (caught) {
        setError(caught);
        return undefined;
      } finally {
        setRunning(false);
      }
    },
    [document],
  );
  return { mutate, running, error, reset: () => setError(undefined) };
}
