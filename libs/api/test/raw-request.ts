// An HTTP request exactly as a test writes it — any Host header, any source address on loopback
// (127.0.0.2, …) — which fetch does not allow: the security suites forge what browsers and proxies send.
import http from 'node:http';

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The address the request leaves from, e.g. 127.0.0.7 (any address of 127.0.0.0/8 is this machine). */
  localAddress?: string;
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON, or null. */
  json: unknown;
}

export function rawRequest(base: string, request: RawRequest): Promise<RawAnswer> {
  const url = new URL(request.path, base);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: request.method ?? 'GET',
        headers: request.headers,
        localAddress: request.localAddress,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            json = null;
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
        });
      },
    );
    outgoing.once('error', reject);
    outgoing.end(request.body);
  });
}

/** A GraphQL POST with the given headers (content type JSON unless overridden). */
export function graphqlPost(
  base: string,
  query: string,
  headers: Record<string, string> = {},
  variables: object = {},
  localAddress?: string,
): Promise<RawAnswer> {
  return rawRequest(base, {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    localAddress,
  });
}

export interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string; stacktrace?: unknown; retryAfterSeconds?: number } }[];
}

export const bodyOf = (answer: RawAnswer) => answer.json as GraphqlBody;
export const codeOf = (answer: RawAnswer) => bodyOf(answer)?.errors?.[0]?.extensions?.code;
