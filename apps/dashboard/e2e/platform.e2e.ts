// The whole platform as a team uses it (`vad start`, embedded mode by default; team mode with
// E2E_DATABASE_URL, an empty PostgreSQL database): log in, create a data set, upload videos with ground
// truth, train and watch the job finish, score and evaluate, open the run viewer, click the timeline,
// check the overlay follows, sort the leaderboard. A screenshot of every screen goes to e2e/artifacts/.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expectNamedControls, screenshot, watchConsole } from './page-checks';
import { startPlatform } from './servers';

type Platform = Awaited<ReturnType<typeof startPlatform>>;

let platform: Platform;
const media = mkdtempSync(path.join(os.tmpdir(), 'vad-e2e-media-'));

/** A small test-pattern video from ffmpeg's lavfi source (no binary fixture in the repository). */
function makeVideo(name: string, frames: number): string {
  const file = path.join(media, name);
  execFileSync('ffmpeg', [
    '-hide_banner',
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=64x48:rate=10',
    '-frames:v',
    String(frames),
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    '-preset',
    'ultrafast',
    file,
  ]);
  return file;
}

test.describe.configure({ mode: 'serial' });
test.setTimeout(15 * 60_000);

test.beforeAll(async () => {
  test.setTimeout(5 * 60_000);
  platform = await startPlatform();
});

test.afterAll(async () => platform?.stop());

/** A job's own page, /jobs/<id> — not the start form at /jobs/new?… */
const JOB_PAGE = /\/jobs\/(?!new\b)[^/?]+$/;

async function waitForJob(page: Page, status = 'succeeded', timeout = 10 * 60_000): Promise<void> {
  await expect(page.locator('h1 [data-testid=status-badge]')).toHaveText(new RegExp(`${status}|failed`), { timeout });
  await expect(page.locator('h1 [data-testid=status-badge]')).toHaveText(status);
}

test('a team works through the platform from upload to leaderboard', async ({ page }) => {
  const errors = watchConsole(page);

  // first page load on the embedded default
  const started = Date.now();
  await page.goto(platform.url);
  if (platform.mode === 'team') {
    await expect(page).toHaveURL(/\/login/);
    await screenshot(page, 'platform-login');
    await page.getByLabel('E-mail').fill(platform.credentials?.email ?? '');
    await page.getByLabel('Password').fill(platform.credentials?.password ?? '');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  } else {
    await expect(page.getByRole('heading', { name: 'Getting started' })).toBeVisible();
    // a speed figure, not a pass/fail timing (timed tests flake on a loaded machine): reported with the run
    const firstLoadMs = Date.now() - started;
    test.info().annotations.push({ type: 'first page load (ms)', description: String(firstLoadMs) });
    console.log(`first page load on the embedded default: ${firstLoadMs} ms`);
  }
  await expectNamedControls(page);
  await screenshot(page, 'platform-home');

  // a data set with one training and one labelled test video
  await page.getByRole('link', { name: 'Data sets' }).click();
  await page.getByLabel('New data set name').fill('e2e-mini');
  await page.getByRole('button', { name: 'Create data set' }).click();
  await expect(page.getByRole('heading', { name: 'e2e-mini' })).toBeVisible();
  const videoInput = page.locator('input[type=file][accept^="video"]');
  await page.getByLabel('Split').selectOption('train');
  await videoInput.setInputFiles(makeVideo('train_01.mp4', 40));
  await page.getByRole('button', { name: 'Upload 1 video to train' }).click();
  await expect(page.getByTestId('upload-item').first()).toContainText('imported', { timeout: 120_000 });
  const labels = path.join(media, 'test_01.json');
  writeFileSync(labels, JSON.stringify([[15, 24]]));
  await page.getByLabel('Split').selectOption('test');
  await videoInput.setInputFiles(makeVideo('test_01.mp4', 40));
  await page.locator('input[type=file][accept^=".json"]').first().setInputFiles(labels);
  await page.getByRole('button', { name: 'Upload 1 video to test' }).click();
  await expect(page.getByTestId('upload-item').first()).toContainText('imported', { timeout: 120_000 });
  await expect(page.getByTestId('video-row')).toHaveCount(2);
  await expect(page.getByRole('img', { name: 'First frame of test_01' })).toBeVisible();
  await screenshot(page, 'platform-dataset');

  // train, and watch the job finish
  await page.getByRole('link', { name: 'Train on this data set' }).click();
  // the smallest preset: the default is the paper's, far too big for a test
  await page.getByLabel('Preset').selectOption('cpu-tiny');
  await page.getByText('Advanced settings').click();
  await page.getByLabel('Teacher epochs').fill('1');
  await page.getByLabel('Student epochs').fill('1');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page).toHaveURL(JOB_PAGE);
  await screenshot(page, 'platform-training-job');
  await waitForJob(page);
  await screenshot(page, 'platform-training-finished');

  // score the test video, then evaluate
  await page.getByRole('link', { name: 'Run inference with it' }).click();
  await page.getByRole('button', { name: 'Start inference' }).click();
  await expect(page).toHaveURL(JOB_PAGE);
  await waitForJob(page);
  await page.getByRole('link', { name: 'Evaluate these runs' }).click();
  await page.getByRole('button', { name: 'Start evaluation' }).click();
  await expect(page).toHaveURL(JOB_PAGE);
  await waitForJob(page);
  await page.goBack();
  await page.goBack();
  await page.getByRole('link', { name: 'test_01' }).click();

  // the run viewer: click the timeline, the frame and its overlay follow
  const heading = page.getByTestId('frame-heading');
  await expect(heading).toHaveText(/^Frame 0/);
  const overlay = page.getByTestId('map-overlay');
  const overlayBefore = await overlay.getAttribute('src');
  const box = await page.getByTestId('score-timeline').locator('svg.recharts-surface').boundingBox();
  if (!box) throw new Error('the timeline is not on screen');
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height / 2);
  await expect(heading).not.toHaveText(/^Frame 0\b/);
  await expect(overlay).not.toHaveAttribute('src', overlayBefore ?? '');
  await page.getByRole('button', { name: 'Discrepancy' }).click();
  await expect(overlay).toHaveAttribute('src', /discrepancy/);
  await page.keyboard.press('ArrowRight');
  await screenshot(page, 'platform-run-viewer');

  // the leaderboard ranks the new version and sorts by a clicked column
  await page.getByRole('link', { name: 'Leaderboard' }).click();
  await expect(page.getByTestId('leaderboard-row')).toHaveCount(1);
  await page.getByRole('button', { name: /^Macro AUC/ }).click();
  await expect(page.getByRole('columnheader', { name: /Macro AUC/ })).toHaveAttribute('aria-sort', 'descending');
  await screenshot(page, 'platform-leaderboard');

  for (const [name, link] of [
    ['jobs', 'Jobs'],
    ['models', 'Models'],
    ['team', 'Team'],
  ] as const) {
    await page.getByRole('link', { name: link, exact: true }).click();
    await page.waitForLoadState('networkidle');
    await screenshot(page, `platform-${name}`);
  }
  expect(errors).toEqual([]);
});
