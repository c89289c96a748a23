// What one caller can make the API do with cheap-looking queries (issue 14, item 4): thousands of aliases of
// `health` or of unpaged lists each ran their own database calls and took the connection pool from every
// other team. Root fields and aliases are capped, lists without a page size are charged by their size,
// `health` costs what it does (and shares one probe), and a caller has only so many requests running.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { testDatabaseKind } from '@vad/db/testing';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { assertQueryCost } from '../src/graphql/query-cost';
import { buildSchema } from '../src/graphql/schema';
import { hashPassword } from '../src/auth/secrets';
import { bodyOf, codeOf, graphqlPost } from './raw-request';
import { startEmbeddedApi, startTeamApi, type TeamApi } from './start-team-api';

const aliases = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

/** A GraphQL request that stays running: its headers are sent, its body never is. Resolves once the server has it. */
function holdRequest(base: string, headers: Record<string, string>): Promise<http.ClientRequest> {
  const url = new URL('/graphql', base);
  const request = http.request({
    host: url.hostname,
    port: url.port,
    path: url.pathname,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': '1000', ...headers },
  });
  request.on('error', () => undefined);
  request.flushHeaders();
  return new Promise((resolve) => setTimeout(() => resolve(request), 50));
}

describe.each([
  ['embedded', startEmbeddedApi],
  ['team', startTeamApi],
])(`query cost on a %s API on ${testDatabaseKind()}`, (mode, start) => {
  let api: TeamApi;
  let headers: Record<string, string>;
  let datasetId: string;

  beforeAll(async () => {
    api = await start({ maxConcurrentRequestsPerCaller: 4 });
    headers = api.cookie ? { cookie: api.cookie } : {};
    datasetId = (await api.database.prisma.dataset.create({ data: { teamId: api.teamId, name: 'costly' } })).id;
  }, 60_000);
  afterAll(() => api.close(), 30_000);

  it('refuses 2,000 aliases of health by their cost, before any of them pings anything', async () => {
    const ping = jest.spyOn(api.database, 'ping');
    const answer = await graphqlPost(api.base, aliases(2_000, 'health { version }'), headers);
    expect(answer.status).toBe(400);
    expect(bodyOf(answer).errors?.[0].message).toMatch(/query cost \d+ exceeds the limit of 20000/);
    expect(ping).not.toHaveBeenCalled();
    ping.mockRestore();
  });

  it('refuses more than 20 root fields even when each is cheap', async () => {
    const answer = await graphqlPost(api.base, aliases(21, 'health { version }'), headers);
    expect(answer.status).toBe(400);
    expect(bodyOf(answer).errors?.[0].message).toBe('the operation selects 21 root fields, more than the limit of 20');
  });

  it('refuses more than 30 aliases in one document', async () => {
    const fields = Array.from({ length: 31 }, (_, i) => `n${i}: name`).join(' ');
    const answer = await graphqlPost(api.base, `query($id: ID!) { dataset(id: $id) { ${fields} } }`, headers, { id: datasetId });
    expect(answer.status).toBe(400);
    expect(bodyOf(answer).errors?.[0].message).toBe('the document has 31 aliases, more than the limit of 30');
  });

  it('charges lists without a page size by their size: aliases of a data set’s versions’ videos are refused', async () => {
    const query = `query($id: ID!) ${aliases(15, 'dataset(id: $id) { versions { videos { id name frameCount width height } } }')}`;
    const answer = await graphqlPost(api.base, query, headers, { id: datasetId });
    expect(answer.status).toBe(400);
    expect(bodyOf(answer).errors?.[0].message).toMatch(/query cost \d+ exceeds the limit of 20000/);
  });

  it('answers one data set with its versions’ videos, which a person asks for', async () => {
    const answer = await graphqlPost(api.base, 'query($id: ID!) { dataset(id: $id) { versions { videos { id name frameCount } } } }', headers, {
      id: datasetId,
    });
    expect(bodyOf(answer)).toEqual({ data: { dataset: { versions: [] } } });
  });

  it('pings the store once for health however many aliases ask', async () => {
    const ping = jest.spyOn(api.database, 'ping');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const answer = await graphqlPost(api.base, aliases(10, 'health { database }'), headers);
    expect(Object.keys(bodyOf(answer).data ?? {})).toHaveLength(10);
    expect(ping).toHaveBeenCalledTimes(1);
    ping.mockRestore();
  });

  it('answers 429 to a caller with 4 requests running, and takes its requests again once they end', async () => {
    const held = await Promise.all(Array.from({ length: 4 }, () => holdRequest(api.base, headers)));
    // the held requests count once the server has read their headers: on a loaded machine that takes a moment
    let refused = await graphqlPost(api.base, '{ viewer { role } }', headers);
    for (let tries = 0; refused.status !== 429 && tries < 40; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      refused = await graphqlPost(api.base, '{ viewer { role } }', headers);
    }
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(codeOf(refused)).toBe('TOO_MANY_REQUESTS');
    if (mode === 'team') {
      // another team's member is served all the while
      const prisma = api.database.prisma;
      const other = await prisma.team.create({ data: { slug: 'other-costly', name: 'Other' } });
      const user = await prisma.user.create({ data: { email: 'olga@other.test', name: 'Olga', passwordHash: await hashPassword('another long password') } });
      await prisma.membership.create({ data: { teamId: other.id, userId: user.id, role: 'OWNER' } });
      const login = await graphqlPost(api.base, 'mutation { login(email: "olga@other.test", password: "another long password") { role } }');
      const olga = String(login.headers['set-cookie']?.[0]).split(';')[0];
      expect(bodyOf(await graphqlPost(api.base, '{ viewer { role } }', { cookie: olga })).data).toEqual({ viewer: { role: 'OWNER' } });
    }
    for (const request of held) request.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await graphqlPost(api.base, '{ viewer { role } }', headers)).status).toBe(200);
  });
});

/** A value of an input type, as small as the type allows (page sizes stay at their defaults). */
function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).flatMap((field) => (isNonNullType(field.type) ? [[field.name, sampleValue(field.type)]] : [])));
  }
  return { Int: 1, Float: 1, Boolean: false, JSON: {} }[type.name] ?? 'x';
}

/** Values for the required variables of a document's operation. */
function sampleVariables(schema: GraphQLSchema, document: DocumentNode): Record<string, unknown> {
  const definitions = document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? (d.variableDefinitions ?? []) : []));
  return Object.fromEntries(
    definitions
      .filter((d) => d.type.kind === Kind.NON_NULL_TYPE)
      .map((d) => [d.variable.name.value, sampleValue(typeFromAST(schema, d.type) as GraphQLInputType)]),
  );
}

describe('the dashboard’s operations', () => {
  it('each fit the cost, root-field and alias limits', () => {
    const generated = fs.readFileSync(path.resolve(__dirname, '../../../apps/dashboard/src/graphql/generated/gql.ts'), 'utf8');
    const documents = [...generated.matchAll(/^ {4}("(?:[^"\\]|\\.)*"): typeof types\./gm)].map((match) => JSON.parse(match[1]) as string);
    expect(documents.length).toBeGreaterThan(30);
    const schema = buildSchema();
    for (const document of documents) {
      const parsed = parse(document);
      expect(() => assertQueryCost(schema, { document: parsed, variables: sampleVariables(schema, parsed) }, 20_000)).not.toThrow();
    }
  });
});
