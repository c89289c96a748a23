// The one error type of the dashboard's API calls, with the API's stable codes plus the transport's own.
export type GraphqlErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'INTERNAL'
  /** The API (or the dashboard's proxy to it) could not be reached. */
  | 'NETWORK';

const KNOWN: readonly GraphqlErrorCode[] = ['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'BAD_USER_INPUT', 'CONFLICT', 'NETWORK'];

export class GraphqlRequestError extends Error {
  constructor(
    readonly code: GraphqlErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'GraphqlRequestError';
  }
}

/** Maps an `extensions.code` from the API onto our codes; anything unknown is INTERNAL. */
export function toErrorCode(code: unknown): GraphqlErrorCode {
  return KNOWN.find((known) => known === code) ?? 'INTERNAL';
}

/** A message for people: what went wrong and, where we know it, what to do. */
export function describeError(error: unknown): string {
  if (error instanceof GraphqlRequestError) {
    switch (error.code) {
      case 'NETWORK':
        return `${error.message}. Is the platform running? Start it with \`npx vad start\`.`;
      case 'UNAUTHENTICATED':
        return `${error.message}. Log in again.`;
      case 'FORBIDDEN':
        return `${error.message}. Ask an owner of your team for a role that allows this.`;
      case 'NOT_FOUND':
      case 'BAD_USER_INPUT':
      case 'CONFLICT':
      case 'INTERNAL':
        return error.message;
    }
  }
  return error instanceof Error ? error.message : String(error);
}
