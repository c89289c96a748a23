// Every screen of the dashboard against a seeded mock API: it renders without console errors, every
// control has a name, the run viewer and leaderboard respond, and screenshots are saved in light and
// dark themes at 1280×800 and at phone width.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNamedControls, screenshot, watchConsole } from './page-checks';
import { startDashboardWithMockApi, type Running } from './servers';

let app: Running;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  app = await startDashboardWithMockApi();
});

test.afterAll(async () => app?.stop());

const SCREENS: [name: string, path: string, ready: (page: Page) => Promise<void>][] = [
  ['home', '/', async (page) => void (await expect(page.getByRole('heading', { name: 'Getting started' })).toBeVisible())],
  ['leaderboard', '/leaderboard', async (page) => void (await expect(page.getByTestId('leaderboard-row').first()).toBeVisible())],
  ['datasets', '/datasets', async (page) => void (await expect(page.getByRole('link', { name: 'ped2-mini' })).toBeVisible())],
  ['dataset', '/datasets/d1', async (page) => void (await expect(page.getByTestId('video-row').first()).toBeVisible())],
  ['jobs', '/jobs', async (page) => void (await expect(page.getByTestId('job-row').first()).toBeVisible())],
  ['job', '/jobs/job-train-2', async (page) => void (await expect(page.getByRole('heading', { name: 'Loss' })).toBeVisible())],
  ['start-training', '/jobs/new?kind=train', async (page) => void (await expect(page.getByRole('button', { name: 'Start training' })).toBeVisible())],
  ['models', '/models', async (page) => void (await expect(page.getByRole('link', { name: 'sdmae' })).toBeVisible())],
  ['model', '/models/m1', async (page) => void (await expect(page.getByRole('button', { name: /production/ })).toBeVisible())],
  ['run-viewer', '/runs/run1?frame=50', async (page) => void (await expect(page.getByTestId('frame-image')).toBeVisible())],
  ['team', '/team', async (page) => void (await expect(page.getByRole('heading', { name: 'API tokens' })).toBeVisible())],
  ['login', '/login', async (page) => void (await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible())],
];

for (const [name, path, ready] of SCREENS) {
  test(`the ${name} screen renders cleanly in both themes and at phone width`, async ({ browser }) => {
    for (const [variant, options] of [
      ['light', { colorScheme: 'light', viewport: { width: 1280, height: 800 } }],
      ['dark', { colorScheme: 'dark', viewport: { width: 1280, height: 800 } }],
      ['phone', { colorScheme: 'light', viewport: { width: 390, height: 844 }, isMobile: true }],
    ] as const) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      const errors = watchConsole(page);
      await page.goto(`${app.url}${path}`);
      await ready(page);
      await page.waitForLoadState('networkidle');
      if (variant === 'light') await expectNamedControls(page);
      await screenshot(page, `mock-${name}-${variant}`);
      expect(errors, `console errors on ${path} (${variant})`).toEqual([]);
      await context.close();
    }
  });
}

test('the first page loads in under 2 s', async ({ page }) => {
  await page.goto(`${app.url}/leaderboard`); // warm the server once, as a running platform is
  const started = Date.now();
  await page.goto(`${app.url}/`);
  await expect(page.getByRole('heading', { name: 'Getting started' })).toBeVisible();
  expect(Date.now() - started).toBeLessThan(2000);
});

test("a training job draws each stage's loss on its own axes with titles, the validation loss per epoch, and a table of epochs", async ({ page }) => {
  await page.goto(`${app.url}/jobs/job-train-2`);
  const teacher = page.getByRole('figure', { name: /^Stage 1: encoder and teacher decoder/ });
  const student = page.getByRole('figure', { name: /^Stage 2: student decoder/ });
  await expect(teacher).toBeVisible();
  await expect(student).toBeVisible();
  for (const chart of [teacher, student]) {
    await expect(chart.getByText('training step')).toBeVisible();
    await expect(chart.getByText('loss', { exact: true })).toBeVisible();
  }
  // the teacher's finished epochs have a validation loss; the student's running epoch has none yet
  await expect(teacher.getByText('validation loss (per epoch)')).toBeVisible();
  await expect(student.getByText('validation loss (per epoch)')).toHaveCount(0);
  // the two stages' axes differ: the student's losses (~0.03) are not flattened under the teacher's (~0.7)
  const ticks = async (chart: typeof teacher) => (await chart.locator('.recharts-yAxis .recharts-cartesian-axis-tick-value').allTextContents()).map(Number);
  expect(Math.max(...(await ticks(student)))).toBeLessThan(0.1);
  expect(Math.min(...(await ticks(teacher)))).toBeGreaterThan(0.3);
  const epochs = page.getByRole('table', { name: 'Finished epochs' });
  await expect(epochs.getByRole('row')).toHaveCount(3);
  await expect(epochs.getByRole('row').nth(1)).toContainText('0.5880');
  // an inference job has no loss card at all
  await page.goto(`${app.url}/jobs/job-infer-1`);
  await expect(page.getByRole('heading', { name: 'Logs' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Loss' })).toHaveCount(0);
});

test('clicking the timeline seeks, and the overlay follows the frame and the component', async ({ page }) => {
  await page.goto(`${app.url}/runs/run1?frame=0`);
  const heading = page.getByTestId('frame-heading');
  await expect(heading).toHaveText(/^Frame 0/);
  const overlay = page.getByTestId('map-overlay');
  await expect(overlay).toHaveAttribute('src', /maps\/0\.png\?component=combined/);

  const timeline = page.getByTestId('score-timeline').locator('svg.recharts-surface');
  const box = await timeline.boundingBox();
  if (!box) throw new Error('the timeline is not on screen');
  await page.mouse.click(box.x + box.width * 0.6, box.y + box.height / 2);
  await expect(heading).not.toHaveText(/^Frame 0\b/);
  const frame = Number((await heading.textContent())?.match(/Frame (\d+)/)?.[1]);
  expect(frame).toBeGreaterThan(50);
  expect(frame).toBeLessThan(90);
  await expect(overlay).toHaveAttribute('src', new RegExp(`maps/${frame}\\.png\\?component=combined`));

  await page.getByRole('button', { name: 'Teacher error' }).click();
  await expect(overlay).toHaveAttribute('src', new RegExp(`maps/${frame}\\.png\\?component=teacher`));

  await page.getByLabel('Overlay opacity').fill('0.2');
  await expect(overlay).toHaveCSS('opacity', '0.2');

  await page.getByTestId('score-timeline').focus();
  await page.keyboard.press('ArrowRight');
  await expect(heading).toHaveText(new RegExp(`^Frame ${frame + 1}`));
  await page.keyboard.press(']');
  await expect(heading).toHaveText(/^Frame 95/);
  await screenshot(page, 'mock-run-viewer-after-seek');
});

test('the threshold slider changes how many frames are flagged', async ({ page }) => {
  await page.goto(`${app.url}/runs/run1`);
  const stats = page.getByTestId('threshold-stats');
  const before = await stats.textContent();
  const slider = page.getByLabel('Threshold');
  await slider.focus();
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
  await expect(stats).not.toHaveText(before ?? '');
});

test('the anomaly map is drawn smoothly with a legend, the threshold on it, and boxes around the regions that reach it', async ({ page }) => {
  await page.goto(`${app.url}/runs/run1?frame=40`);
  const overlay = page.getByTestId('map-overlay');
  await expect(overlay).toBeVisible();
  // one cell per token, upsampled by the browser's smooth filter rather than as blocks
  await expect(overlay).toHaveCSS('image-rendering', 'auto');
  const legend = page.getByTestId('map-legend');
  await expect(legend).toBeVisible();
  await expect(legend).toContainText('standard deviations above the held-out training videos');
  const slider = page.getByLabel('Threshold');
  const boxes = page.getByTestId('region-box');
  // the lowest threshold flags every frame: this one's region is boxed, the threshold sits on the legend
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(boxes).toHaveCount(1);
  await expect(page.getByTestId('region-count')).toHaveText('1 region at or above the threshold in this frame');
  await expect(page.getByTestId('legend-threshold')).toBeVisible();
  const box = await boxes.first().boundingBox();
  const frameBox = await page.getByTestId('frame-image').boundingBox();
  if (!box || !frameBox) throw new Error('the region box or the frame is not on screen');
  expect(box.y).toBeGreaterThan(frameBox.y + frameBox.height / 2); // rows 10–13 of 16: the lower part of the frame
  await screenshot(page, 'mock-run-viewer-regions');
  // the highest threshold flags only the run's top frame: none here
  await page.keyboard.press('End');
  await expect(boxes).toHaveCount(0);
  // a single component is not on the frame scores' scale: a legend, but no threshold and no boxes on it
  await page.keyboard.press('Home');
  await expect(boxes).toHaveCount(1);
  await page.getByRole('button', { name: 'Teacher error' }).click();
  await expect(overlay).toHaveAttribute('src', /component=teacher/);
  await expect(boxes).toHaveCount(0);
  await expect(legend).toBeVisible();
  await expect(page.getByTestId('legend-threshold')).toHaveCount(0);
});

test('the training form suggests the preset for the workers and the data set, shows every default, and estimates the time', async ({ page }) => {
  await page.goto(`${app.url}/jobs/new?kind=train`);
  const preset = page.getByLabel('Preset');
  // CPU workers and a data set named after Ped2: the CPU preset for Ped2, not the first (a GPU preset)
  await expect(preset).toHaveValue('cpu-ped2');
  await expect(page.getByTestId('training-workers')).toHaveText(/Trains on 1 worker with tfjs-wasm \(CPU\)\./);
  // 6 × 240 frames at 7.5 frames/s + 3 × 240 at 20
  const estimate = page.getByTestId('training-estimate');
  await expect(estimate).toContainText('about 3 min 48 s for 240 training frames per epoch');
  await page.getByText('Advanced settings').click();
  await expect(page.getByLabel('Teacher epochs')).toHaveAttribute('placeholder', '6 (preset)');
  await expect(page.getByLabel('Student epochs')).toHaveAttribute('placeholder', '3 (preset)');
  await expect(page.getByLabel('Batch size')).toHaveAttribute('placeholder', '16 (preset)');
  await expect(page.getByLabel('Seed')).toHaveAttribute('placeholder', '0 (default)');
  await page.getByLabel('Teacher epochs').fill('1');
  await expect(estimate).toContainText('about 1 min 08 s');
  // a GPU preset on CPU workers is allowed, with a word of warning, and has no measured speed
  await preset.selectOption('paper-avenue');
  await expect(page.getByRole('note')).toHaveText('paper-avenue is sized for GPU, not for the CPU these workers have.');
  await expect(estimate).toHaveText(/No training with paper-avenue has been measured yet/);
});

test('the leaderboard, a run and a model version download as files through the dashboard', async ({ page }) => {
  await page.goto(`${app.url}/leaderboard`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as CSV' }).click()]);
  // the proxy passes the API's attachment name on
  expect(download.suggestedFilename()).toBe('mock.csv');
  const saved = await download.path();
  expect(fs.readFileSync(saved, 'utf8')).toBe('rank,model\r\n1,sdmae\r\n');
  await page.goto(`${app.url}/runs/run1`);
  await expect(page.getByRole('link', { name: 'scores as CSV' })).toHaveAttribute('href', '/files/runs/run1/scores.csv?protocol=paper');
  await page.goto(`${app.url}/models/m1`);
  await expect(page.getByRole('link', { name: 'Checkpoint (.tar)' })).toHaveAttribute('href', /\/files\/model-versions\/.+\/checkpoint\.tar$/);
});

test('a model version shows the eq. 6 weights it is scored with and where they come from', async ({ page }) => {
  await page.goto(`${app.url}/models/m1?version=mv2`);
  await expect(page.getByTestId('score-weights')).toContainText('α 0.6 · β 0.1 · γ 0.3');
  await expect(page.getByTestId('score-weights')).toContainText('chosen on pseudo-anomalies in held-out training videos: AUC pasted objects 96.4');
  await page.goto(`${app.url}/models/m1?version=mv1`);
  await expect(page.getByTestId('score-weights')).toContainText('α 0.4 · β 0.3 · γ 0.3');
  await expect(page.getByTestId('score-weights')).toContainText("the paper's (this version chose none)");
});

test("the data sets page shows the frame cache's disk use, and an owner can clear it", async ({ page }) => {
  await page.goto(`${app.url}/datasets`);
  const cache = page.getByTestId('frame-cache');
  await expect(cache).toContainText('1.3 GiB of a 32.0 GiB budget');
  page.once('dialog', (dialog) => void dialog.accept());
  await cache.getByRole('button', { name: 'Clear the cache' }).click();
  await expect(cache).toContainText('0 B of a 32.0 GiB budget');
  await expect(cache.getByRole('button', { name: 'Clear the cache' })).toHaveCount(0);
});

test('a folder of pixel masks sets a test video’s masks, and a folder that does not fit is refused with the reason', async ({ page }) => {
  const folder = (name: string, masks: number) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
    // the mock API counts the images; the real one decodes and checks each (libs/api/test/mask-upload.spec.ts)
    for (let i = 0; i < masks; i++) fs.writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}.png`), 'png');
    fs.writeFileSync(path.join(dir, 'README.txt'), 'not a mask');
    return dir;
  };
  await page.goto(`${app.url}/datasets/d1`);
  const picker = page.getByLabel('Pixel masks of test_01 (a folder of images)');
  await picker.setInputFiles(folder('short', 12));
  await expect(page.getByTestId('masks-result')).toHaveText(/holds 12 masks but video "test_01" has 120 frames/);
  await picker.setInputFiles(folder('masks', 120));
  await expect(page.getByTestId('masks-result')).toHaveText('120 masks, 22 abnormal frames');
  await expect(page.getByRole('row', { name: /test_01/ })).toContainText('masks');
});

test('one labels file sets the ground truth of several test videos, naming those not in the data set', async ({ page }) => {
  await page.goto(`${app.url}/datasets/d1`);
  const labels = { test_01: [[10, 20]], test_02: new Array(120).fill(0), test_99: [0] };
  await page
    .getByLabel('Ground truth of several videos (.json)')
    .setInputFiles({ name: 'labels.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(labels)) });
  await expect(page.getByTestId('labels-file-result')).toHaveText('ground truth set for 2 videos; not in this version: test_99');
  await page
    .getByLabel('Ground truth of several videos (.json)')
    .setInputFiles({ name: 'short.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ test_01: [0, 1] })) });
  await expect(page.getByTestId('labels-file-result')).toHaveText(/short\.json: video "test_01": the ground truth has 2 labels but the video has 120 frames/);
});

test('the leaderboard sorts by a clicked column', async ({ page }) => {
  await page.goto(`${app.url}/leaderboard`);
  const models = () =>
    page
      .getByTestId('leaderboard-row')
      .getByRole('link', { name: /^sdmae/ })
      .allTextContents();
  await expect.poll(models).toEqual(['sdmae v2', 'sdmae v1', 'sdmae v1']);
  await page.getByRole('button', { name: /^FPS/ }).click();
  await expect(page.getByRole('columnheader', { name: /FPS/ })).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(models).toEqual(['sdmae v1', 'sdmae v2', 'sdmae v1']);
  await expect(page.getByText('not comparable', { exact: true }).last()).toBeVisible();
  // rows not comparable have no rank; a row links to the inference job whose runs it scored
  const rows = page.getByTestId('leaderboard-row');
  await expect(rows.filter({ hasText: 'not comparable' }).getByRole('cell').first()).toHaveText('—');
  await expect(rows.filter({ hasText: 'sdmae v2' }).getByRole('link', { name: 'runs' })).toHaveAttribute('href', '/jobs/job-infer-1');
  await expect(page.getByTestId('reference-row')).toContainText('Paper (published, Ped2)');
});

test('an upload shows per-file progress and the API’s error for a bad file', async ({ page }) => {
  await page.goto(`${app.url}/datasets/d1`);
  await page.locator('input[type=file][accept^="video"]').setInputFiles([
    { name: 'good.mp4', mimeType: 'video/mp4', buffer: Buffer.alloc(200_000, 1) },
    { name: 'broken.mp4', mimeType: 'video/mp4', buffer: Buffer.alloc(1000, 2) },
  ]);
  await page.getByRole('button', { name: 'Upload 2 videos to test' }).click();
  const items = page.getByTestId('upload-item');
  await expect(items.nth(0)).toContainText('imported');
  await expect(items.nth(1)).toContainText('failed: broken: not a video ffmpeg can decode');
  await screenshot(page, 'mock-dataset-after-upload');
});

test('jobs say what they work on and how long they took, filter by kind, and show parameters as fields', async ({ page }) => {
  await page.goto(`${app.url}/jobs`);
  const training = page.getByTestId('job-row').filter({ hasText: 'job-trai' }).filter({ hasText: 'succeeded' });
  await expect(training.getByTestId('job-subject')).toHaveText('train sdmae on ped2-mini v2 (cpu-ped2)');
  // started a minute after it was queued, finished four minutes later
  await expect(training.getByRole('cell').nth(6)).toHaveText('4 min 00 s');
  await page.getByLabel('Kind of job').selectOption('INFER');
  await expect(page.getByTestId('job-row')).toHaveCount(1);
  await expect(page.getByTestId('job-row').getByTestId('job-subject')).toHaveText('score 3 videos of ped2-mini v2 with sdmae v2');

  await page.goto(`${app.url}/jobs/job-train-1`);
  await expect(page.getByTestId('job-subject')).toHaveText('train sdmae on ped2-mini v2 (cpu-ped2)');
  const parameters = page.getByRole('definition').filter({ hasText: 'cpu-ped2' });
  await expect(parameters).toHaveCount(1);
  await expect(page.getByText('epochs teacher')).toBeVisible();
  // a finished job is not live any more
  await expect(page.getByText('● live')).toHaveCount(0);
});

test('the jobs list updates live from the subscription', async ({ page }) => {
  await page.goto(`${app.url}/jobs/job-train-2`);
  await expect(page.getByText('● live')).toBeVisible({ timeout: 10_000 });
  const stage = page.locator('dl.facts dd').first();
  const before = await stage.textContent();
  await expect(stage).not.toHaveText(before ?? '', { timeout: 5000 });
});
