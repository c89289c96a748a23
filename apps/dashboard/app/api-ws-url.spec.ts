import { apiWsUrl } from './api-ws-url';

describe('apiWsUrl', () => {
  it('turns the API http URL into its GraphQL WebSocket URL', () => {
    expect(apiWsUrl('http://127.0.0.1:4123', '127.0.0.1')).toBe('ws://127.0.0.1:4123/graphql');
  });

  it('dials a loopback API by the loopback name the browser used, whose session cookie the socket must carry', () => {
    expect(apiWsUrl('http://127.0.0.1:4123', 'localhost')).toBe('ws://localhost:4123/graphql');
  });

  it('uses wss behind https', () => {
    expect(apiWsUrl('https://vad.example.org', 'vad.example.org')).toBe('wss://vad.example.org/graphql');
  });

  it('replaces a wildcard bind address with the host the browser used', () => {
    expect(apiWsUrl('http://0.0.0.0:4000', 'lab-box')).toBe('ws://lab-box:4000/graphql');
  });
});
