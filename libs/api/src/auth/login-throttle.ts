// Slows password guessing with delays that grow with each failed login, instead of a lockout that anyone
// who knows an e-mail address could impose on its owner. Failures count per client address, per address
// and account, and per account; the per-account count (what distributed guessing runs into) is not
// applied to an address the account has logged in from before, so its owner keeps getting in from there.
// Counts live in this process: enough for one API process, a shared store would be needed for several.

export interface LoginThrottleOptions {
  /** Failed logins a key may have before delays start. */
  freeFailures: number;
  /** The first delay; each further failure doubles it. */
  baseDelayMs: number;
  /** The longest delay per address, and per address and account. */
  maxDelayMs: number;
  /** The longest delay per account (shorter: it is shared by every address the account's owner may use). */
  maxAccountDelayMs: number;
  /** Failures are forgotten this long after the last one. */
  forgetAfterMs: number;
  /** How long an address stays known to an account after a successful login. */
  rememberAddressMs: number;
}

export const DEFAULT_LOGIN_THROTTLE: Readonly<LoginThrottleOptions> = {
  freeFailures: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 5 * 60_000,
  maxAccountDelayMs: 30_000,
  forgetAfterMs: 60 * 60_000,
  rememberAddressMs: 30 * 86_400_000,
};

interface Failures {
  count: number;
  lastAt: number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, Failures>();
  private readonly knownAddresses = new Map<string, number>();
  private readonly options: LoginThrottleOptions;

  constructor(
    options: Partial<LoginThrottleOptions> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.options = { ...DEFAULT_LOGIN_THROTTLE, ...options };
  }

  /** Milliseconds to wait before this address may try this account again; 0 when it may try now. */
  waitMs(address: string, account: string): number {
    const now = this.now();
    const waits = this.keys(address, account).map(([key, maxDelay]) => {
      const failures = this.current(key, now);
      return failures ? Math.max(0, failures.lastAt + this.delay(failures.count, maxDelay) - now) : 0;
    });
    return Math.max(0, ...waits);
  }

  recordFailure(address: string, account: string): void {
    const now = this.now();
    for (const [key] of this.keys(address, account)) {
      this.failures.set(key, { count: (this.current(key, now)?.count ?? 0) + 1, lastAt: now });
    }
  }

  /** Clears this address's failures on this account; its failures on others stay (one known password must not reset guessing). */
  recordSuccess(address: string, account: string): void {
    this.failures.delete(`pair:${address}|${account}`);
    this.knownAddresses.set(`${account}|${address}`, this.now());
  }

  private keys(address: string, account: string): [string, number][] {
    const keys: [string, number][] = [
      [`address:${address}`, this.options.maxDelayMs],
      [`pair:${address}|${account}`, this.options.maxDelayMs],
    ];
    const knownAt = this.knownAddresses.get(`${account}|${address}`);
    if (knownAt === undefined || this.now() - knownAt > this.options.rememberAddressMs) keys.push([`account:${account}`, this.options.maxAccountDelayMs]);
    return keys;
  }

  private current(key: string, now: number): Failures | undefined {
    const failures = this.failures.get(key);
    if (failures && now - failures.lastAt > this.options.forgetAfterMs) {
      this.failures.delete(key);
      return undefined;
    }
    return failures;
  }

  private delay(count: number, maxDelay: number): number {
    if (count < this.options.freeFailures) return 0;
    return Math.min(maxDelay, this.options.baseDelayMs * 2 ** (count - this.options.freeFailures));
  }
}
