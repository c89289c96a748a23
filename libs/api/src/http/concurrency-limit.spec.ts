import { ConcurrencyLimiter } from './concurrency-limit';

describe('ConcurrencyLimiter', () => {
  it('gives each key its own slots, and a slot back once released (once, however often release is called)', () => {
    const limiter = new ConcurrencyLimiter(2);
    const first = limiter.tryAcquire('a');
    const second = limiter.tryAcquire('a');
    expect(limiter.tryAcquire('a')).toBeNull();
    expect(limiter.tryAcquire('b')).not.toBeNull();
    first?.();
    first?.();
    expect(limiter.tryAcquire('a')).not.toBeNull();
    expect(limiter.tryAcquire('a')).toBeNull();
    second?.();
  });
});
