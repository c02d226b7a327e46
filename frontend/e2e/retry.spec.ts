import { expect, test } from '@playwright/test';
import { bearer, leadNamed, signIn, snapshot, token } from './support/demo';

/** The local Bot API stub the dev mode talks to (playwright.config.ts starts it). */
const stub = `http://127.0.0.1:${process.env.E2E_TELEGRAM_PORT}/__control`;

/**
 * Telegram refuses the AI's reply (400 can't parse entities): the workflow does not fail, the lead
 * "needs attention" with the error, and once the cause is gone an operator's Retry resumes it.
 */
test('a failed step shows its error and Retry resumes the lead', async ({ page, request }) => {
  const chatId = 700000 + Math.floor(Math.random() * 100000);
  await request.post(`${stub}/refuse-sends`, { data: { refuse: true } });
  try {
    await request.post(`${stub}/message`, { data: { chatId, firstName: 'Teresa', text: 'hola, soy Teresa Fuentes' } });
    const accessToken = await token(request);
    const row = await leadNamed(request, accessToken, 'Teresa');
    await expect
      .poll(
        async () => {
          const lead = await (await request.get(`/api/v1/leads/${row.id}`, { headers: bearer(accessToken) })).json();
          return (
            JSON.stringify(lead).includes('needsAttention":true') ||
            JSON.stringify(lead).includes('needs_attention":true')
          );
        },
        { timeout: 90_000 },
      )
      .toBe(true);

    await signIn(page);
    await page.goto(`/leads/${row.id}`);
    const failed = page.getByTestId('failed-step');
    await expect(failed).toBeVisible();
    await expect(failed).toContainText("can't parse entities");
    await snapshot(page, 'lead-failed-step');

    await request.post(`${stub}/refuse-sends`, { data: { refuse: false } });
    await page.getByRole('button', { name: 'Reintentar', exact: true }).click();
    await expect(failed).toHaveCount(0, { timeout: 60_000 });
    await expect
      .poll(async () => (await (await request.post(`${stub}/sent`, { data: { chatId } })).json()).length, {
        timeout: 60_000,
      })
      .toBeGreaterThan(0);
  } finally {
    await request.post(`${stub}/refuse-sends`, { data: { refuse: false } });
  }
});
