// The decoded-frame cache over GraphQL: its disk use for every member, clearing it for owners only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FrameCache } from '@vad/data';
import { testDatabaseKind } from '@vad/db/testing';
import { hashPassword } from '../src/auth/secrets';
import { startTeamApi, type TeamApi } from './start-team-api';

describe(`the frame cache over GraphQL on ${testDatabaseKind()}`, () => {
  let api: TeamApi;
  let root: string;
  let memberCookie: string;

  const gql = async (query: string, cookie = api.cookie) => {
    const response = await fetch(`${api.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: Record<string, { bytes: number; budgetBytes: number } | null>; errors?: { extensions?: { code?: string } }[] };
  };

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-frame-cache-'));
    api = await startTeamApi({ frameCache: new FrameCache(root, { maxBytes: 1_000_000 }) });
    const prisma = api.database.prisma;
    const member = await prisma.user.create({ data: { email: 'mo@cache.test', name: 'Mo', passwordHash: await hashPassword('member password long') } });
    await prisma.membership.create({ data: { teamId: api.teamId, userId: member.id, role: 'MEMBER' } });
    const login = await fetch(`${api.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(email: "mo@cache.test", password: "member password long") { role } }' }),
    });
    memberCookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    fs.mkdirSync(path.join(root, 'ab'), { recursive: true });
    fs.writeFileSync(path.join(root, 'ab', 'entry.frames'), Buffer.alloc(4096));
  }, 60_000);
  afterAll(async () => {
    await api.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('tells every member how much it holds against its budget', async () => {
    expect((await gql('{ frameCache { bytes budgetBytes } }', memberCookie)).data?.frameCache).toEqual({ bytes: 4096, budgetBytes: 1_000_000 });
  });

  it('lets owners clear it, and members not', async () => {
    expect((await gql('mutation { clearFrameCache { bytes } }', memberCookie)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(fs.existsSync(path.join(root, 'ab', 'entry.frames'))).toBe(true);
    expect((await gql('mutation { clearFrameCache { bytes budgetBytes } }')).data?.clearFrameCache).toEqual({ bytes: 0, budgetBytes: 1_000_000 });
    expect(fs.existsSync(path.join(root, 'ab', 'entry.frames'))).toBe(false);
  });
});
