import { expect, test } from '@playwright/test';
import { bearer, signIn, token } from './support/demo';

const HOSTILE = '<img src=x onerror=alert(1)>';

test('a hostile lead name is shown as text everywhere', async ({ page, request }) => {
  const admin = await token(request);
  const created = await request.post('/api/v1/leads', {
    headers: bearer(admin),
    data: { name: HOSTILE, email: 'hostil@example.com', source: 'e2e' },
  });
  expect(created.status(), await created.text()).toBe(201);
  const leadId: string = (await created.json()).leadId;

  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await signIn(page);
  for (const path of ['/leads', `/leads/${leadId}`, '/pipeline']) {
    await page.goto(path);
    await expect(page.getByText(HOSTILE, { exact: false }).first()).toBeVisible();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
  }
  expect(dialogs).toEqual([]);
});
