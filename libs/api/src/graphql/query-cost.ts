// The estimated cost of an operation, and the checks against limits that HTTP (cost-limit.plugin.ts) and
// WebSocket subscriptions (subscription-server.ts) share. Every field costs 1 unless listed in FIELD_COSTS;
// list fields that take a page size (`first`, `last`) multiply their children by it, and lists without one
// by UNPAGED_LIST_SIZE, since each item resolves its own fields (and database reads). Aliases and batched
// fields add up, and an operation may name at most MAX_ROOT_FIELDS root fields and MAX_ALIASES aliases:
// each root field runs on its own, so thousands of cheap ones are still thousands of database calls.
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  getOperationAST,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

/** Root fields one operation may select (fragments followed). */
export const MAX_ROOT_FIELDS = 20;
/** Aliased fields in one document. */
export const MAX_ALIASES = 30;
/** What a list without a page size is charged as: its items' fields run once per item. */
export const UNPAGED_LIST_SIZE = 20;

/** Fields dearer than one: health pings the store and the queue. */
const FIELD_COSTS: Readonly<Record<string, number>> = { 'Query.health': 100 };
/** Lists whose length the parent's page size already bounds (and charged for). */
const PAGED_BY_PARENT = new Set(['JobConnection.nodes']);

const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const pageSize = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : undefined;
  if (pageSize !== undefined) return 1 + childComplexity * Math.max(pageSize, 1);
  const coordinate = `${type.name}.${field.name}`;
  const own = FIELD_COSTS[coordinate] ?? 1;
  const fieldType = getNullableType(field.type);
  if (isListType(fieldType) && isObjectType(getNamedType(fieldType)) && !PAGED_BY_PARENT.has(coordinate)) {
    return own + childComplexity * UNPAGED_LIST_SIZE;
  }
  return own + childComplexity;
};

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });

export interface CostedOperation {
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

function countRootFields(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const count = (selections: SelectionSetNode, visiting: ReadonlySet<string>): number =>
    selections.selections.reduce((sum, selection) => {
      if (selection.kind === Kind.FIELD) return sum + 1;
      if (selection.kind === Kind.INLINE_FRAGMENT) return sum + count(selection.selectionSet, visiting);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || visiting.has(fragment.name.value)) return sum;
      return sum + count(fragment.selectionSet, new Set([...visiting, fragment.name.value]));
    }, 0);
  return count(operation.selectionSet, new Set());
}

function countAliases(document: DocumentNode): number {
  let aliases = 0;
  const walk = (selections: SelectionSetNode | undefined) => {
    for (const selection of selections?.selections ?? []) {
      if (selection.kind === Kind.FIELD && selection.alias) aliases++;
      if (selection.kind !== Kind.FRAGMENT_SPREAD) walk(selection.selectionSet);
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) walk(definition.selectionSet);
  }
  return aliases;
}

/** The estimated cost (see the header); throws BAD_USER_INPUT when the estimator refuses the document. */
export function queryCost(schema: GraphQLSchema, operation: CostedOperation): number {
  try {
    return getComplexity({
      schema,
      query: operation.document,
      operationName: operation.operationName ?? undefined,
      variables: operation.variables ?? undefined,
      estimators: [costEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    // the estimator refuses huge documents (over 10,000 nodes) and reads the variables before they have
    // been checked: both are the client's fault, so they are bad input like any other
    throw badInput((error as Error).message);
  }
}

/** Throws a BAD_USER_INPUT error (HTTP 400) when the operation is over a limit: cost, root fields or aliases. */
export function assertQueryCost(schema: GraphQLSchema, operation: CostedOperation, maxCost: number): void {
  const cost = queryCost(schema, operation);
  if (cost > maxCost) throw badInput(`query cost ${cost} exceeds the limit of ${maxCost}`);
  const definition = getOperationAST(operation.document, operation.operationName ?? undefined);
  const roots = definition ? countRootFields(operation.document, definition) : 0;
  if (roots > MAX_ROOT_FIELDS) throw badInput(`the operation selects ${roots} root fields, more than the limit of ${MAX_ROOT_FIELDS}`);
  const aliases = countAliases(operation.document);
  if (aliases > MAX_ALIASES) throw badInput(`the document has ${aliases} aliases, more than the limit of ${MAX_ALIASES}`);
}
