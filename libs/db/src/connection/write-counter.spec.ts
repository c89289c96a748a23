import { PGlite } from '@electric-sql/pglite';
import { countWrites } from './write-counter';

describe('countWrites', () => {
  let raw: PGlite;
  beforeAll(async () => {
    raw = await PGlite.create();
    await raw.exec('CREATE TABLE t (v int)');
  });
  afterAll(() => raw.close());

  it('moves after writes and transactions, not after reads', async () => {
    const { pglite, writes } = countWrites(raw);
    const start = writes.generation;
    await pglite.query('SELECT count(*) FROM t');
    await pglite.query('  select 1');
    await pglite.query('SHOW server_version');
    expect(writes.generation).toBe(start);
    await pglite.query('INSERT INTO t VALUES ($1)', [1]);
    expect(writes.generation).toBe(start + 1);
    await pglite.transaction(async (tx) => {
      await tx.query('UPDATE t SET v = 2');
      // inside the transaction nothing is committed yet: the count has not moved
      expect(writes.generation).toBe(start + 1);
    });
    expect(writes.generation).toBe(start + 2);
    await pglite.exec('DELETE FROM t');
    expect(writes.generation).toBe(start + 3);
  });

  it('counts a write that failed (it may have done part of its work) and passes every other member through', async () => {
    const { pglite, writes } = countWrites(raw);
    const start = writes.generation;
    await expect(pglite.query('INSERT INTO missing VALUES (1)')).rejects.toThrow();
    expect(writes.generation).toBe(start + 1);
    expect(pglite.closed).toBe(false);
    expect((await pglite.query<{ n: number }>('SELECT 41 + 1 AS n')).rows[0].n).toBe(42);
  });
});
