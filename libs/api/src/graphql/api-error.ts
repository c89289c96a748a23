// Errors a client can act on, with the stable codes the schema documents. Anything else reaching a
// client is masked by Apollo in production.
import { GraphQLError } from 'graphql';

export type ApiErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'BAD_USER_INPUT' | 'CONFLICT';

export function apiError(code: ApiErrorCode, message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...details, code } });
}

export function notFound(what: string, id: string): GraphQLError {
  return apiError('NOT_FOUND', `no ${what} with id "${id}" in your team`);
}
