// The leaderboard's data, cached where the database can tell that nothing was written since it was read
// (the embedded one, through its write counter): the board is the API's most requested read and on
// PGlite the statement runs on the thread that serves HTTP. On PostgreSQL, which other processes write
// to, every request reads. Entries are never modified by readers (ranking copies), so they can be shared.
import { readLeaderboard, type Database, type LeaderboardSource } from '@vad/db';

/** Enough for every data set of a busy installation; beyond it the oldest entry goes. */
const MAX_ENTRIES = 500;

interface Entry {
  generation: number;
  board: LeaderboardSource | null;
}

const caches = new WeakMap<Database, Map<string, Entry>>();

/** Null when the data set does not exist or belongs to another team (as readLeaderboard). */
export async function cachedLeaderboard(database: Database, teamId: string, datasetId: string): Promise<LeaderboardSource | null> {
  const writes = database.writes;
  if (writes === undefined) return readLeaderboard(database.prisma, teamId, datasetId);
  // Read the count first: a write that lands during the read moves it, so the entry is never stale.
  const generation = writes.generation;
  let cache = caches.get(database);
  if (cache === undefined) caches.set(database, (cache = new Map()));
  const key = `${teamId}\n${datasetId}`;
  const hit = cache.get(key);
  if (hit !== undefined && hit.generation === generation) return hit.board;
  const board = await readLeaderboard(database.prisma, teamId, datasetId);
  cache.delete(key);
  cache.set(key, { generation, board });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return board;
}
