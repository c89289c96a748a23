/** @jest-environment node */
import { refuseCrossSite } from './same-origin-check';

const post = (headers: Record<string, string>) =>
  new Request('http://127.0.0.1:3000/graphql', { method: 'POST', headers: { host: '127.0.0.1:3000', ...headers } });

describe('refuseCrossSite', () => {
  it("forwards the dashboard's own JSON requests", () => {
    expect(
      refuseCrossSite(post({ origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' }), 'graphql'),
    ).toBeNull();
    // programs (no Origin, no Sec-Fetch-Site) cannot be made to send anything by a web page
    expect(refuseCrossSite(post({ 'content-type': 'application/json; charset=utf-8' }), 'graphql')).toBeNull();
  });

  it.each([
    ['a text/plain form post from the same origin', { origin: 'http://127.0.0.1:3000', 'content-type': 'text/plain' }, 415],
    [
      'a form post from another port of this machine (same site)',
      { origin: 'http://127.0.0.1:8080', 'sec-fetch-site': 'same-site', 'content-type': 'text/plain' },
      403,
    ],
    ['JSON from another origin that passed no preflight', { origin: 'http://127.0.0.1:8080', 'content-type': 'application/json' }, 403],
    ['a cross-site request', { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, 403],
    ['an opaque origin (sandboxed frame)', { origin: 'null', 'content-type': 'application/json' }, 403],
  ])('refuses %s', async (_name, headers, status) => {
    expect(refuseCrossSite(post(headers), 'graphql')?.status).toBe(status);
  });

  it('refuses uploads without X-Requested-With, and accepts them with it', () => {
    const upload = (extra: Record<string, string>) => post({ origin: 'http://127.0.0.1:3000', 'content-type': 'multipart/form-data; boundary=x', ...extra });
    expect(refuseCrossSite(upload({}), 'uploads')?.status).toBe(403);
    expect(refuseCrossSite(upload({ 'x-requested-with': 'XMLHttpRequest' }), 'uploads')).toBeNull();
  });

  it('refuses images that another site embeds', () => {
    const image = new Request('http://127.0.0.1:3000/files/videos/x/frames/0.png', { headers: { host: '127.0.0.1:3000', 'sec-fetch-site': 'same-site' } });
    expect(refuseCrossSite(image, 'files')?.status).toBe(403);
  });
});
