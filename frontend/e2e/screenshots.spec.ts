import { expect, test } from '@playwright/test';
import { signIn, snapshot } from './support/demo';

/** Every main page renders without an error state; each is saved as a build artifact, on a phone too. */
const PAGES: Array<[string, string]> = [
  ['/', 'home'],
  ['/leads', 'leads'],
  ['/pipeline', 'pipeline-board'],
  ['/inbox', 'inbox'],
  ['/appointments', 'appointments'],
  ['/calls', 'calls'],
  ['/operations', 'operations'],
  ['/settings', 'settings'],
  ['/users', 'users'],
  ['/test-chat', 'test-chat-empty'],
];

test('the main pages render, on a desktop and on a phone', async ({ page }) => {
  await signIn(page);
  for (const [path, name] of PAGES) {
    await page.goto(path);
    await expect(page.locator('main h1').first()).toBeVisible();
    await expect(page.locator('.skeleton')).toHaveCount(0, { timeout: 30_000 }); // loaded
    await expect(page.locator('.error-state')).toHaveCount(0);
    await snapshot(page, name);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [path, name] of [
    ['/inbox', 'phone-inbox'],
    ['/leads', 'phone-leads'],
    ['/pipeline', 'phone-pipeline'],
  ]) {
    await page.goto(path);
    await expect(page.locator('main h1').first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways on a phone`).toBeLessThanOrEqual(1);
    await snapshot(page, name);
  }
});
