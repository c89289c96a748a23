// Rejects HTTP operations whose estimated cost is too high (see query-cost.ts), before anything runs.
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { assertQueryCost } from './query-cost';

export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          assertQueryCost(schema, { document, operationName: request.operationName, variables: request.variables }, maxCost);
        },
      };
    },
  };
}
