// What the end-to-end suites share: GraphQL calls over HTTP that fail loudly, and polling until a condition.

export interface GraphqlResponse {
  data?: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- each query has its own shape
  errors?: { message: string; extensions?: { code: string } }[];
}

/** A caller of `${base}/graphql` that throws on GraphQL errors; `headers()` is read on every call (cookies). */
export function graphqlCaller(base: () => string, headers: () => Record<string, string> = () => ({})) {
  return async (query: string, variables: object = {}): Promise<GraphqlResponse> => {
    const response = await fetch(`${base()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers() },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphqlResponse;
    if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body;
  };
}

/** Reads until `done` holds, or throws with the last value read. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, pollMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
