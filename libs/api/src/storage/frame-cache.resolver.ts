// The decoded-frame cache's disk use, for everyone who can see the platform, and clearing it, for owners: an
// installation-wide cache, so emptying it costs every team a decode on its next job.
import { apiError } from '../graphql/api-error';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import { requireRole } from '../server/api-context';

export const frameCacheResolvers: Resolvers = {
  Query: {
    frameCache: async (_p, _a, context) => {
      requireRole(context);
      if (!context.frameCache) return null;
      return { bytes: await context.frameCache.sizeBytes(), budgetBytes: context.frameCache.maxBytes };
    },
  },
  Mutation: {
    clearFrameCache: async (_p, _a, context) => {
      requireRole(context, 'OWNER');
      if (!context.frameCache) throw apiError('NOT_FOUND', 'this API serves no frame cache');
      await context.frameCache.clear();
      return { bytes: await context.frameCache.sizeBytes(), budgetBytes: context.frameCache.maxBytes };
    },
  },
};
