// Password guessing against a team-mode API (issue 14, items 6 and 7). Every dashboard login reaches the API
// from the dashboard's own address, so the browser's address travels in a header the API believes only with
// the dashboard's secret; failed logins slow further tries progressively instead of locking anyone out; and
// a login takes as long for an unknown e-mail as for a known one.
import { testDatabaseKind } from '@vad/db/testing';
import { performance } from 'node:perf_hooks';
import { hashPassword } from '../src/auth/secrets';
import { bodyOf, codeOf, graphqlPost } from './raw-request';
import { DASHBOARD_SECRET, OWNER, startTeamApi, type TeamApi } from './start-team-api';

const login = (email: string, password: string) => `mutation { login(email: "${email}", password: "${password}") { role } }`;
/** A request the dashboard forwards for the browser at `address`. */
const fromBrowser = (address: string) => ({ 'x-vad-dashboard-secret': DASHBOARD_SECRET, 'x-vad-client-address': address });

describe(`logins to a team-mode API on ${testDatabaseKind()}`, () => {
  let api: TeamApi;
  beforeAll(async () => {
    api = await startTeamApi();
    const prisma = api.database.prisma;
    const user = await prisma.user.create({ data: { email: 'carol@abuse.test', name: 'Carol', passwordHash: await hashPassword('carol’s long password') } });
    await prisma.membership.create({ data: { teamId: api.teamId, userId: user.id, role: 'MEMBER' } });
  }, 60_000);
  afterAll(() => api.close());

  it('slows one browser’s guesses progressively, without stopping another browser behind the same dashboard', async () => {
    const attacker = fromBrowser('198.51.100.7');
    const answers: (string | undefined)[] = [];
    for (let i = 0; i < 7; i++) answers.push(codeOf(await graphqlPost(api.base, login(`nobody${i}@abuse.test`, 'wrong password'), attacker)));
    expect(answers).toEqual([...Array(5).fill('UNAUTHENTICATED'), 'FORBIDDEN', 'FORBIDDEN']);
    const waiting = bodyOf(await graphqlPost(api.base, login('nobody@abuse.test', 'wrong password'), attacker)).errors?.[0];
    expect(waiting?.message).toMatch(/too many failed logins; try again in 1 s/);
    expect(waiting?.extensions?.retryAfterSeconds).toBe(1);
    // another browser, through the same dashboard
    expect(bodyOf(await graphqlPost(api.base, login('carol@abuse.test', 'carol’s long password'), fromBrowser('198.51.100.8'))).data).toEqual({
      login: { role: 'MEMBER' },
    });
    // the delay ends, and grows with the next failure
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(codeOf(await graphqlPost(api.base, login('nobody@abuse.test', 'wrong password'), attacker))).toBe('UNAUTHENTICATED');
    expect(bodyOf(await graphqlPost(api.base, login('nobody@abuse.test', 'wrong password'), attacker)).errors?.[0].extensions?.retryAfterSeconds).toBe(2);
  });

  it('keeps an account’s owner getting in from an address they used before while others guess its password', async () => {
    // the owner logged in from this machine when the suite started; now guesses come from many addresses
    for (let i = 0; i < 12; i++) await graphqlPost(api.base, login(OWNER.email, `guess ${i}`), fromBrowser(`203.0.113.${i + 1}`));
    expect(bodyOf(await graphqlPost(api.base, login(OWNER.email, OWNER.password))).data).toEqual({ login: { role: 'OWNER' } });
    // from a new address the owner waits a few seconds at most, never 15 minutes
    const elsewhere = bodyOf(await graphqlPost(api.base, login(OWNER.email, OWNER.password), fromBrowser('192.0.2.99'))).errors?.[0];
    expect(elsewhere?.extensions?.code).toBe('FORBIDDEN');
    expect(elsewhere?.extensions?.retryAfterSeconds).toBeLessThanOrEqual(30);
  });

  it('believes the browser address only with the dashboard’s secret: forged addresses do not spread the guesses', async () => {
    const answers: (string | undefined)[] = [];
    for (let i = 0; i < 6; i++) {
      const forged = { 'x-vad-dashboard-secret': 'guessed', 'x-vad-client-address': `10.9.9.${i}` };
      answers.push(codeOf(await graphqlPost(api.base, login(`forger${i}@abuse.test`, 'wrong'), forged, {}, '127.0.0.9')));
    }
    expect(answers.at(-1)).toBe('FORBIDDEN');
  });
});

describe(`login timing on a team-mode API on ${testDatabaseKind()}`, () => {
  let api: TeamApi;
  beforeAll(async () => {
    api = await startTeamApi({ loginThrottle: { freeFailures: 1_000 } });
  }, 60_000);
  afterAll(() => api.close());

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const timeLogin = async (email: string) => {
    const started = performance.now();
    const answer = await graphqlPost(api.base, login(email, 'not the password'));
    expect(codeOf(answer)).toBe('UNAUTHENTICATED');
    return performance.now() - started;
  };

  it('takes as long to refuse an unknown e-mail as a known one with a wrong password', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 15; i++) {
      known.push(await timeLogin(OWNER.email));
      unknown.push(await timeLogin(`stranger${i}@abuse.test`));
    }
    // The old answer for unknown e-mails came in a tenth of the time (no password hash was computed). The bounds
    // leave room for the other test processes sharing CI's two cores; a tenth is still far outside them.
    expect(median(unknown)).toBeGreaterThan(0.4 * median(known));
    expect(median(unknown)).toBeLessThan(2.5 * median(known));
  }, 60_000);
});
