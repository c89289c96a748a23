import { isAllowedBrowserOrigin } from './browser-origin';

describe('isAllowedBrowserOrigin', () => {
  it('lets programs without Origin through', () => {
    expect(isAllowedBrowserOrigin(undefined, '127.0.0.1:4000', [])).toBe(true);
  });

  it('accepts the dashboard’s pages on the host the socket was addressed to, loopback names alike', () => {
    expect(isAllowedBrowserOrigin('http://127.0.0.1:3000', '127.0.0.1:4000', [3000])).toBe(true);
    expect(isAllowedBrowserOrigin('http://localhost:3000', '127.0.0.1:4000', [3000])).toBe(true);
    expect(isAllowedBrowserOrigin('http://[::1]:3000', 'localhost:4000', [3000])).toBe(true);
    expect(isAllowedBrowserOrigin('http://vad.lab.example:3000', 'VAD.lab.example:4000', [3000])).toBe(true);
  });

  it.each([
    ['another site', 'https://evil.example', '127.0.0.1:4000'],
    ['another port of this machine', 'http://127.0.0.1:8080', '127.0.0.1:4000'],
    ['another host on the dashboard port', 'http://evil.example:3000', 'vad.lab.example:4000'],
    ['an opaque origin (sandboxed frame, file page)', 'null', '127.0.0.1:4000'],
    ['a non-web scheme', 'chrome-extension://abc', '127.0.0.1:4000'],
  ])('refuses %s', (_what, origin, host) => {
    expect(isAllowedBrowserOrigin(origin, host, [3000])).toBe(false);
  });

  it('refuses every page when no dashboard port is configured', () => {
    expect(isAllowedBrowserOrigin('http://127.0.0.1:3000', '127.0.0.1:4000', [])).toBe(false);
  });
});
