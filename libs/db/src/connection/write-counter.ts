// Counts the writes to the embedded database. PGlite belongs to one process (the data-folder lock), so
// every write goes through this instance, and a count that has not moved since a read means the read
// is still current: what lets the API cache its hottest read there (the leaderboard). A PostgreSQL
// server has other writers, so it has no counter.
import type { PGlite } from '@electric-sql/pglite';

export interface WriteCounter {
  /** Bumped after every statement that may write, and after every transaction, once it has finished. */
  readonly generation: number;
}

/** Statements that cannot write: plain SELECT and SHOW (locking reads run inside transactions, counted there). */
const READ_ONLY = /^\s*(select|show)\b/i;

/**
 * A PGlite that counts: `query` of anything but a read, `exec` and `transaction` bump the count after
 * they settle. A read that starts under count n and sees count n afterwards cannot have missed a write:
 * PGlite runs one statement or transaction at a time, and the count moves only once a write is done.
 */
export function countWrites(pglite: PGlite): { pglite: PGlite; writes: WriteCounter } {
  let generation = 0;
  const writes: WriteCounter = {
    get generation() {
      return generation;
    },
  };
  const counted =
    <A extends unknown[], R>(method: (...args: A) => Promise<R>, writes: (...args: A) => boolean) =>
    async (...args: A): Promise<R> => {
      try {
        return await method(...args);
      } finally {
        if (writes(...args)) generation++;
      }
    };
  const proxy = new Proxy(pglite, {
    get(target, property) {
      if (property === 'query')
        return counted(target.query.bind(target) as (sql: string, ...rest: unknown[]) => Promise<unknown>, (sql) => !READ_ONLY.test(sql));
      if (property === 'exec') return counted(target.exec.bind(target) as (...args: unknown[]) => Promise<unknown>, () => true);
      if (property === 'transaction') return counted(target.transaction.bind(target) as (...args: unknown[]) => Promise<unknown>, () => true);
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { pglite: proxy, writes };
}
