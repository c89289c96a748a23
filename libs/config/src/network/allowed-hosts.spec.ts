import { hostNameOf, isAllowedHost } from './allowed-hosts';

describe('isAllowedHost', () => {
  it('answers loopback names on any port, and nothing else, when no host is configured', () => {
    for (const host of ['localhost:4000', '127.0.0.1:3000', '[::1]:4000', 'LOCALHOST', 'app.localhost:3000', '127.0.0.2:4000']) {
      expect(isAllowedHost(host, [])).toBe(true);
    }
    for (const host of ['attacker.example:4000', 'localhost.attacker.example', '127.0.0.1.nip.io:4000', '0.0.0.0:4000', '', undefined]) {
      expect(isAllowedHost(host, [])).toBe(false);
    }
  });

  it('answers configured names, whatever their case or port', () => {
    expect(isAllowedHost('VAD.example.org:443', ['vad.example.org'])).toBe(true);
    expect(isAllowedHost('[fe80::1]:4000', ['[fe80::1]'])).toBe(true);
    expect(isAllowedHost('other.example.org', ['vad.example.org'])).toBe(false);
  });

  it('answers every host when the policy is null (team mode without a list)', () => {
    expect(isAllowedHost('anything.example', null)).toBe(true);
  });

  it('reads the name of a host header without its port or trailing dot', () => {
    expect(hostNameOf('Example.ORG.:8080')).toBe('example.org');
    expect(hostNameOf('[::1]:4000')).toBe('[::1]');
  });
});
