// Runs one typed GraphQL operation through the dashboard's same-origin proxy (/graphql).
import type { TypedDocumentString } from './generated/graphql';
import { GraphqlRequestError, toErrorCode } from './graphql-request-error';

interface GraphqlResponse<TResult> {
  data?: TResult | null;
  errors?: { message: string; extensions?: { code?: unknown } }[];
}

export async function executeOperation<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  fetchImpl: typeof fetch = fetch,
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetchImpl('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch (error) {
    throw new GraphqlRequestError('NETWORK', `the dashboard server does not answer (${(error as Error).message})`);
  }
  let body: GraphqlResponse<TResult>;
  try {
    body = (await response.json()) as GraphqlResponse<TResult>;
  } catch {
    throw new GraphqlRequestError(response.status >= 500 ? 'NETWORK' : 'INTERNAL', `the API answered HTTP ${response.status} without JSON`);
  }
  const first = body.errors?.[0];
  if (first) throw new GraphqlRequestError(toErrorCode(first.extensions?.code), first.message);
  if (body.data == null) throw new GraphqlRequestError('INTERNAL', `the API answered HTTP ${response.status} with no data`);
  return body.data;
}
