import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  let now: number;
  const throttle = () =>
    new LoginThrottle({ freeFailures: 3, baseDelayMs: 1_000, maxDelayMs: 8_000, maxAccountDelayMs: 2_000, forgetAfterMs: 60_000 }, () => now);
  beforeEach(() => (now = 0));

  it('lets the first failures through, then asks for a delay that doubles with each failure up to its cap', () => {
    const logins = throttle();
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      waits.push(logins.waitMs('10.0.0.1', 'eve@x'));
      logins.recordFailure('10.0.0.1', 'eve@x');
    }
    expect(waits).toEqual([0, 0, 0, 1_000, 2_000, 4_000, 8_000]);
    now = 8_000;
    expect(logins.waitMs('10.0.0.1', 'eve@x')).toBe(0);
  });

  it('never stops other addresses from trying other accounts', () => {
    const logins = throttle();
    for (let i = 0; i < 10; i++) logins.recordFailure('10.0.0.1', `user${i}@x`);
    expect(logins.waitMs('10.0.0.1', 'eve@x')).toBeGreaterThan(0);
    expect(logins.waitMs('10.0.0.2', 'eve@x')).toBe(0);
  });

  it('delays an account guessed at from many addresses only briefly, and not at all from an address its owner used before', () => {
    const logins = throttle();
    logins.recordSuccess('10.0.0.9', 'eve@x');
    for (let i = 0; i < 20; i++) logins.recordFailure(`203.0.113.${i}`, 'eve@x');
    expect(logins.waitMs('198.51.100.1', 'eve@x')).toBe(2_000);
    expect(logins.waitMs('10.0.0.9', 'eve@x')).toBe(0);
  });

  it('keeps counting an address that guesses other accounts between logins to its own', () => {
    const logins = throttle();
    for (let i = 0; i < 4; i++) {
      logins.recordFailure('10.0.0.1', `victim${i}@x`);
      logins.recordSuccess('10.0.0.1', 'mallory@x');
    }
    expect(logins.waitMs('10.0.0.1', 'victim9@x')).toBe(2_000);
  });

  it('forgets failures once the last one is old enough', () => {
    const logins = throttle();
    for (let i = 0; i < 6; i++) logins.recordFailure('10.0.0.1', 'eve@x');
    now = 60_001;
    expect(logins.waitMs('10.0.0.1', 'eve@x')).toBe(0);
  });
});
