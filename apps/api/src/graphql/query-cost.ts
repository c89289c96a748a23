// The estimated cost of an operation, and the check against a limit that HTTP (cost-limit.plugin.ts) and
// WebSocket subscriptions (subscription-server.ts) share: every field costs 1, and list fields that take a
// page size (`first`, `last`) multiply their children by it. Aliases and batched fields add up.
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const pageSize = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : undefined;
  return pageSize === undefined ? undefined : 1 + childComplexity * Math.max(pageSize, 1);
};

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });

export interface CostedOperation {
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** Throws a BAD_USER_INPUT error (HTTP 400) when the operation's estimated cost exceeds `maxCost`. */
export function assertQueryCost(schema: GraphQLSchema, operation: CostedOperation, maxCost: number): void {
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: operation.document,
      operationName: operation.operationName ?? undefined,
      variables: operation.variables ?? undefined,
      estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    // the estimator refuses huge documents (over 10,000 nodes) and reads the variables before they have
    // been checked: both are the client's fault, so they are bad input like any other
    throw badInput((error as Error).message);
  }
  if (cost > maxCost) throw badInput(`query cost ${cost} exceeds the limit of ${maxCost}`);
}
