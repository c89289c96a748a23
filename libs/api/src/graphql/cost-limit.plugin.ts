// Rejects HTTP operations over the limits of query-cost.ts, or with text PostgreSQL cannot store, before anything runs.
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { assertNoNulCharacters } from './nul-characters';
import { assertQueryCost } from './query-cost';

export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          assertQueryCost(schema, { document, operationName: request.operationName, variables: request.variables }, maxCost);
          assertNoNulCharacters(document, request.variables);
        },
      };
    },
  };
}
