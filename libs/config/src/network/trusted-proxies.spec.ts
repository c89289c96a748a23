import { forwardedClient, isLoopbackAddress, plainAddress } from './trusted-proxies';

describe('forwardedClient', () => {
  it('ignores forwarding headers from a peer that is not a trusted proxy', () => {
    expect(forwardedClient('203.0.113.9', '10.0.0.1', 'https', [])).toEqual({ address: '203.0.113.9', protocol: 'http' });
    expect(forwardedClient('203.0.113.9', '10.0.0.1', 'https', ['198.51.100.1'])).toEqual({ address: '203.0.113.9', protocol: 'http' });
  });

  it('reads the client from the right of X-Forwarded-For, skipping trusted proxies, so a client cannot choose its address', () => {
    // the client wrote "1.1.1.1" itself; the trusted proxy appended the address it saw
    expect(forwardedClient('10.0.0.5', '1.1.1.1, 203.0.113.9', 'https', ['10.0.0.5'])).toEqual({ address: '203.0.113.9', protocol: 'https' });
    expect(forwardedClient('::ffff:127.0.0.1', '203.0.113.9, 10.0.0.5', 'http', ['loopback', '10.0.0.5'])).toEqual({
      address: '203.0.113.9',
      protocol: 'http',
    });
  });

  it('keeps the proxy as the client when it forwards no usable address', () => {
    expect(forwardedClient('10.0.0.5', 'garbage', undefined, ['10.0.0.5'])).toEqual({ address: '10.0.0.5', protocol: 'http' });
  });

  it('knows loopback and IPv4-mapped addresses', () => {
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('127.0.0.2')).toBe(true);
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('10.0.0.1')).toBe(false);
    expect(plainAddress('::ffff:10.1.2.3')).toBe('10.1.2.3');
  });
});
