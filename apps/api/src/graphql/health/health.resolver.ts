// Answers the health query by pinging each backing service, so a monitor sees which part is down.
import type { Resolvers } from '../generated/resolvers-types';

async function probe(name: string, ping: () => Promise<void>): Promise<string> {
  try {
    await ping();
    return name;
  } catch (error) {
    return `${name} unavailable: ${(error as Error).message}`;
  }
}

export const healthResolvers: Resolvers = {
  Query: {
    health: async (_parent, _args, context) => ({
      version: context.version,
      database: await probe(context.database.kind, () => context.database.ping()),
      queue: await probe(context.queue.name, () => context.queue.ping()),
    }),
  },
};
