// The executable GraphQL schema: each domain folder contributes its type definitions and resolvers.
import { makeExecutableSchema } from '@graphql-tools/schema';
import { healthResolvers } from './health/health.resolver';
import { healthTypeDefs } from './health/health.schema';

export function buildSchema() {
  return makeExecutableSchema({ typeDefs: [healthTypeDefs], resolvers: [healthResolvers] });
}
