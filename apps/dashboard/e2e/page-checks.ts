// Checks every end-to-end test makes on every screen: no console errors, a name on every control, and a
// screenshot in the artifacts folder.
import { expect, type Page } from '@playwright/test';
import path from 'node:path';
import { ARTIFACTS } from './servers';

/** Collects console errors and uncaught exceptions of a page from now on. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

export async function expectNamedControls(page: Page): Promise<void> {
  const controls = page.locator('button:visible, select:visible, input:not([type=hidden]):visible, textarea:visible, [role=slider]:visible, a:visible');
  const count = await controls.count();
  for (let i = 0; i < count; i++) await expect(controls.nth(i)).not.toHaveAccessibleName('');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
