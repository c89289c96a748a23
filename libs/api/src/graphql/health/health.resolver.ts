// Answers the health query by pinging each backing service, so a monitor sees which part is down. The
// answer is shared for a second: health is open to anyone, and each call would otherwise ping the store
// and the queue. Why a service is down is shown to signed-in callers only (it can name hosts and users).
import type { Resolvers } from '../generated/resolvers-types';
import type { ApiContext } from '../../server/api-context';

const FRESH_MS = 1_000;

interface Probes {
  database: string | null;
  queue: string | null;
}

async function probe(ping: () => Promise<void>): Promise<string | null> {
  try {
    await ping();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

const recent = new WeakMap<object, { at: number; probes: Promise<Probes> }>();

function probes(context: ApiContext): Promise<Probes> {
  const cached = recent.get(context.database);
  if (cached && Date.now() - cached.at < FRESH_MS) return cached.probes;
  const fresh = Promise.all([probe(() => context.database.ping()), probe(() => context.queue.ping())]).then(([database, queue]) => ({ database, queue }));
  recent.set(context.database, { at: Date.now(), probes: fresh });
  return fresh;
}

function status(name: string, failure: string | null, context: ApiContext): string {
  if (failure === null) return name;
  return context.principal ? `${name} unavailable: ${failure}` : `${name} unavailable`;
}

export const healthResolvers: Resolvers = {
  Query: {
    health: async (_parent, _args, context) => {
      const { database, queue } = await probes(context);
      return { version: context.version, database: status(context.database.kind, database, context), queue: status(context.queue.name, queue, context) };
    },
  },
};
