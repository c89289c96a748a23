// The executable GraphQL schema: the SDL in schema/schema.graphql and each domain's resolvers.
import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { datasetResolvers } from '../datasets/dataset.resolver';
import { evaluationResolvers } from '../evaluations/evaluation.resolver';
import { jobResolvers } from '../jobs/job.resolver';
import { modelResolvers } from '../models/model.resolver';
import { inferenceRunResolvers } from '../runs/inference-run.resolver';
import { frameCacheResolvers } from '../storage/frame-cache.resolver';
import { teamResolvers } from '../team/team.resolver';
import { healthResolvers } from './health/health.resolver';
import { DateTimeScalar, JsonScalar } from './scalars';

export const TYPE_DEFS = fs.readFileSync(path.join(__dirname, 'schema', 'schema.graphql'), 'utf8');

export function buildSchema() {
  return makeExecutableSchema({
    typeDefs: TYPE_DEFS,
    resolvers: [
      { DateTime: DateTimeScalar, JSON: JsonScalar },
      healthResolvers,
      teamResolvers,
      datasetResolvers,
      modelResolvers,
      jobResolvers,
      inferenceRunResolvers,
      evaluationResolvers,
      frameCacheResolvers,
    ],
  });
}
