import { createTestDatabase, type TestDatabase } from '@vad/db/testing';
import type { Database } from '@vad/db';
import { cachedLeaderboard } from './cached-leaderboard';

/** The same database, counting the statements the leaderboard runs; `shared` drops the write counter (a server others write to). */
function observed(database: Database, shared: boolean): { database: Database; reads: () => number } {
  let reads = 0;
  const prisma = new Proxy(database.prisma, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (property === '$queryRaw' && typeof value === 'function') {
        return (...args: unknown[]) => {
          reads++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { database: { ...database, prisma, writes: shared ? undefined : database.writes } as Database, reads: () => reads };
}

describe('cachedLeaderboard', () => {
  let store: TestDatabase;
  let teamId: string;
  let datasetId: string;
  beforeAll(async () => {
    store = await createTestDatabase(''); // the embedded database, whatever TEST_DATABASE_URL says
    teamId = (await store.prisma.team.create({ data: { slug: 'c', name: 'C' } })).id;
    datasetId = (await store.prisma.dataset.create({ data: { teamId, name: 'd' } })).id;
  }, 60_000);
  afterAll(() => store.close());

  it('answers from memory while nothing was written, and reads again after any write', async () => {
    expect(store.writes).toBeDefined();
    const { database, reads } = observed(store, false);
    const first = await cachedLeaderboard(database, teamId, datasetId);
    expect(await cachedLeaderboard(database, teamId, datasetId)).toBe(first);
    expect(reads()).toBe(1);
    await store.prisma.datasetVersion.create({ data: { datasetId, number: 1, contentHash: 'h', format: 'upload', summary: {} } });
    const second = await cachedLeaderboard(database, teamId, datasetId);
    expect(reads()).toBe(2);
    expect(second?.latestVersion?.number).toBe(1);
    expect(first?.latestVersion).toBeNull();
  });

  it('keeps teams apart: another team asking for the data set gets null, from its own entry', async () => {
    const { database } = observed(store, false);
    await cachedLeaderboard(database, teamId, datasetId);
    expect(await cachedLeaderboard(database, 'another-team', datasetId)).toBeNull();
  });

  it('reads every time on a database other processes write to', async () => {
    const { database, reads } = observed(store, true);
    await cachedLeaderboard(database, teamId, datasetId);
    await cachedLeaderboard(database, teamId, datasetId);
    expect(reads()).toBe(2);
  });
});
