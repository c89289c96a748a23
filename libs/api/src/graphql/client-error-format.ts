// What of an error reaches a client. Errors with a code the schema documents (and GraphQL's own parse and
// validation errors) are the client's to read; anything else is a fault of the server, whose message can
// carry store errors, file paths or source lines: it is answered as "internal error" and logged here,
// unless VAD_DEBUG is set on a development machine.
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { ApiContext } from '../server/api-context';

export function formatClientError(debug: boolean, log: (line: string) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (debug) return formatted;
    const code = formatted.extensions?.code;
    if (code !== undefined && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    const original = unwrapResolverError(error);
    log(
      `unexpected error at ${formatted.path?.join('.') ?? 'the operation'}: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`,
    );
    return { message: 'internal error', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

const SUGGESTION = / Did you mean .*\?$/s;

/**
 * GraphQL's "Did you mean …?" hints spell out the schema's names: a map of the API for whoever probes it.
 * Callers who have not signed in get the errors without them (introspection is off in production too).
 */
export function hideSuggestionsFromAnonymousCallers(): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (contextValue.principal || response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors) return;
          response.body.singleResult.errors = errors.map((error) => ({ ...error, message: error.message.replace(SUGGESTION, '') }));
        },
      };
    },
  };
}
