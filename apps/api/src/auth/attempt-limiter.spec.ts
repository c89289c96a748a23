import { AttemptLimiter } from './attempt-limiter';

describe('AttemptLimiter', () => {
  it('allows up to the limit per key within the window, then again once the window has passed', () => {
    let now = 0;
    const limiter = new AttemptLimiter(2, 1000, () => now);
    expect([limiter.tryAttempt('a'), limiter.tryAttempt('a'), limiter.tryAttempt('a'), limiter.tryAttempt('b')]).toEqual([true, true, false, true]);
    now = 999;
    expect(limiter.tryAttempt('a')).toBe(false);
    now = 1001;
    expect(limiter.tryAttempt('a')).toBe(true);
  });
});
