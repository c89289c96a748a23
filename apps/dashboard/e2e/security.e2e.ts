// The attacks of issue 14 on the dashboard, in Chromium against `vad start` (embedded by default; team mode with
// E2E_DATABASE_URL): a page on another port of this machine posts a text/plain form that would invite an owner
// through the dashboard's proxy, a page tries to frame the dashboard, and a rebound host name asks for it.
import { expect, test } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startPlatform } from './servers';

type Platform = Awaited<ReturnType<typeof startPlatform>>;

let platform: Platform;
let attacker: http.Server;
let attackerUrl: string;

/** The attacker's pages, served from another port of this machine: the same site as the dashboard. */
function attackerPages(dashboard: string): http.Server {
  const invite = JSON.stringify({
    query: 'mutation { inviteMember(email: "mallory@evil.example", name: "Mallory", role: OWNER, password: "mallory-owns-you") { role } }',
  });
  // a text/plain form whose body reads as JSON: name + "=" + value
  const [name, value] = [invite.slice(0, -1) + ', "x": "', '"}'];
  const pages: Record<string, string> = {
    '/csrf': `<form id="f" method="POST" action="${dashboard}/graphql" enctype="text/plain"><input type="hidden" name='${name}' value='${value}'></form><script>document.getElementById('f').submit()</script>`,
    '/frame': `<iframe id="victim" src="${dashboard}/" width="800" height="600"></iframe>`,
  };
  return http.createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(pages[request.url ?? ''] ?? '');
  });
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(5 * 60_000);
  // team mode checks Host only for a configured name (embedded mode always)
  platform = await startPlatform({ VAD_ALLOWED_HOSTS: 'vad.example.test' });
  attacker = attackerPages(platform.url);
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  attacker?.close();
  await platform?.stop();
});

test('a page on another port cannot invite an owner through the dashboard of a signed-in browser', async ({ page }) => {
  // the victim uses the dashboard first: the browser holds its session cookie (embedded: handed out by the dashboard)
  await page.goto(platform.url);
  if (platform.mode === 'team') {
    await page.getByLabel('E-mail').fill(platform.credentials?.email ?? '');
    await page.getByLabel('Password').fill(platform.credentials?.password ?? '');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  } else {
    // the platform's first page after start: its status query may take a while on a busy machine
    await expect(page.getByRole('heading', { name: 'Getting started' })).toBeVisible({ timeout: 20_000 });
    expect((await page.context().cookies()).map((cookie) => [cookie.name, cookie.sameSite, cookie.httpOnly])).toContainEqual(['vad_session', 'Strict', true]);
  }
  const answer = page.waitForResponse((response) => response.url() === `${platform.url}/graphql`);
  await page.goto(`${attackerUrl}/csrf`);
  expect([403, 415]).toContain((await answer).status());
  // nobody was invited: ask the API as the owner (embedded: this test is a program on the machine)
  const members = await page.context().request.post(`${platform.url}/graphql`, {
    headers: { 'content-type': 'application/json', origin: platform.url },
    data: { query: '{ viewer { team { members { user { email } } } } }' },
  });
  expect(JSON.stringify(await members.json())).not.toContain('mallory');
});

test('the dashboard refuses to be framed by another page', async ({ page }) => {
  const response = await page.goto(platform.url);
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await page.goto(`${attackerUrl}/frame`);
  // Chromium leaves a refused frame empty: the dashboard's page never loads in it
  await page.waitForTimeout(1_000);
  const framed = page.frames().find((frame) => frame.url().startsWith(platform.url));
  expect(framed ? await framed.locator('nav').count() : 0).toBe(0);
});

test('the dashboard refuses a host name that rebinds to this machine', async () => {
  const status = await new Promise<number>((resolve, reject) => {
    const url = new URL(platform.url);
    http
      .get({ host: url.hostname, port: url.port, path: '/', headers: { host: 'rebound.attacker.example' } }, (response) => resolve(response.statusCode ?? 0))
      .once('error', reject);
  });
  expect(status).toBe(403);
});
