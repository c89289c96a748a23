// Requests of one caller running at once. Every GraphQL request holds database connections while it runs;
// without a bound, one account (or one address, before it logs in) can take the whole pool and make
// every other team's requests fail.
import type { NextFunction, Request, Response } from 'express';
import { callerOf } from './identify-caller';

export class ConcurrencyLimiter {
  private readonly running = new Map<string, number>();

  constructor(readonly maxPerKey: number) {}

  /** A release function when `key` has a free slot, else null. */
  tryAcquire(key: string): (() => void) | null {
    const count = this.running.get(key) ?? 0;
    if (count >= this.maxPerKey) return null;
    this.running.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.running.get(key) ?? 1) - 1;
      if (left > 0) this.running.set(key, left);
      else this.running.delete(key);
    };
  }
}

/** The key requests are counted under: the account when known, else the client's address. */
export function callerKey(response: Response): string {
  const { principal, source } = callerOf(response);
  return principal ? `user:${principal.user.id}` : `address:${source.address}`;
}

/** Express middleware: answers 429 (as a GraphQL error) when the caller already has `limiter.maxPerKey` requests running. */
export function limitConcurrentRequests(limiter: ConcurrencyLimiter) {
  return (_request: Request, response: Response, next: NextFunction): void => {
    const release = limiter.tryAcquire(callerKey(response));
    if (release === null) {
      response
        .status(429)
        .setHeader('retry-after', '1')
        .json({
          errors: [
            { message: `you have ${limiter.maxPerKey} requests running, the most at once; wait for some to finish`, extensions: { code: 'TOO_MANY_REQUESTS' } },
          ],
        });
      return;
    }
    response.once('close', release);
    next();
  };
}
