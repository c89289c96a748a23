/** @jest-environment node */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { admit, frontDoorPolicy } from './front-door';

function request(headers: Record<string, string>, remoteAddress = '127.0.0.1'): IncomingMessage {
  return { headers: { ...headers }, socket: { remoteAddress } } as unknown as IncomingMessage;
}

function response() {
  const answer = { status: 0, body: '' };
  const res = {
    writeHead: (status: number) => (answer.status = status),
    end: (body: string) => (answer.body = body),
  } as unknown as ServerResponse;
  return { res, answer };
}

describe('the dashboard front door', () => {
  const loopbackOnly = frontDoorPolicy({});

  it('refuses a host name it is not configured for (a rebound DNS name) with 403', () => {
    const { res, answer } = response();
    expect(admit(request({ host: 'attacker.example:3000' }), res, loopbackOnly)).toBe(false);
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(/VAD_ALLOWED_HOSTS/);
    expect(admit(request({ host: 'localhost:3000' }), response().res, loopbackOnly)).toBe(true);
    expect(admit(request({ host: 'vad.lab:3000' }), response().res, frontDoorPolicy({ VAD_ALLOWED_HOSTS: 'vad.lab' }))).toBe(true);
    expect(admit(request({ host: 'anything:3000' }), response().res, frontDoorPolicy({ VAD_ALLOWED_HOSTS: '*' }))).toBe(true);
  });

  it('replaces the forwarding headers a client wrote with the address of its socket', () => {
    const req = request(
      { host: 'localhost:3000', 'x-forwarded-for': '10.9.9.9', 'x-forwarded-proto': 'https', 'x-vad-dashboard-secret': 'guess', 'x-real-ip': '1.1.1.1' },
      '::ffff:127.0.0.5',
    );
    admit(req, response().res, loopbackOnly);
    expect(req.headers).toEqual({ host: 'localhost:3000', 'x-forwarded-for': '127.0.0.5', 'x-forwarded-proto': 'http' });
  });

  it('believes X-Forwarded-For and -Proto from a trusted reverse proxy, read from the right', () => {
    const req = request({ host: 'vad.lab', 'x-forwarded-for': '6.6.6.6, 203.0.113.7', 'x-forwarded-proto': 'https' }, '10.0.0.2');
    admit(req, response().res, frontDoorPolicy({ VAD_ALLOWED_HOSTS: 'vad.lab', VAD_TRUSTED_PROXIES: '10.0.0.2' }));
    expect(req.headers['x-forwarded-for']).toBe('203.0.113.7');
    expect(req.headers['x-forwarded-proto']).toBe('https');
  });
});
