// Refuses text containing NUL (U+0000) in an operation's variables or string literals: PostgreSQL cannot
// store it, and the store's error about it would otherwise reach the client as a server error.
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  const entries = Array.isArray(value) ? value : Object.entries(value).flat();
  return entries.some((entry) => containsNul(entry, depth + 1));
}

export function assertNoNulCharacters(document: DocumentNode, variables: Record<string, unknown> | null | undefined): void {
  let found = containsNul(variables ?? {});
  if (!found) {
    visit(document, {
      [Kind.STRING]: (node) => {
        if (node.value.includes('\u0000')) found = true;
      },
    });
  }
  if (found) {
    throw new GraphQLError('text may not contain the NUL character (U+0000)', { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  }
}
