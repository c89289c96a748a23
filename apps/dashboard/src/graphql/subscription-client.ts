// One graphql-ws client per page for live updates. The API's WebSocket URL comes from the dashboard's
// /config route at run time, because one build of the dashboard is served in front of any API port.
'use client';
import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from './generated/graphql';

let client: Promise<Client> | undefined;

async function loadClient(): Promise<Client> {
  const response = await fetch('/config', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/config answered HTTP ${response.status}`);
  const { apiWsUrl } = (await response.json()) as { apiWsUrl: string };
  return createClient({ url: apiWsUrl, lazy: true, retryAttempts: 5 });
}

export interface SubscriptionHandlers<TResult> {
  next(data: TResult): void;
  /** The connection failed or closed for good; callers fall back to polling. */
  error(error: unknown): void;
  /** The server accepted the subscription. */
  connected?(): void;
}

/** Subscribes; returns a function that ends the subscription. */
export function subscribe<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  handlers: SubscriptionHandlers<TResult>,
): () => void {
  let disposed = false;
  let dispose: (() => void) | undefined;
  client ??= loadClient();
  client.then(
    (ws) => {
      if (disposed) return;
      const unsubscribe = ws.on('connected', () => handlers.connected?.());
      const end = ws.subscribe<TResult>(
        { query: document.toString(), variables: (variables ?? {}) as Record<string, unknown> },
        {
          next: (value) => {
            if (value.errors?.length) handlers.error(new Error(value.errors[0].message));
            else if (value.data) handlers.next(value.data);
          },
          error: (error) => handlers.error(error),
          complete: () => undefined,
        },
      );
      dispose = () => {
        unsubscribe();
        end();
      };
    },
    (error: unknown) => {
      client = undefined;
      handlers.error(error);
    },
  );
  return () => {
    disposed = true;
    dispose?.();
  };
}
