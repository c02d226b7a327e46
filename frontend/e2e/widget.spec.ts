import { expect, test } from '@playwright/test';
import { leadNamed, snapshot, token } from './support/demo';

/**
 * The embeddable web chat on its demo page (a broker's site with hostile CSS): a visitor opens it, writes,
 * and the broker's agent answers; the visitor becomes a lead the dashboard lists.
 */
test('a visitor chats through the embedded widget and becomes a lead', async ({ page, request }) => {
  await page.goto('/widget-demo.html');
  await page.getByRole('button', { name: 'Abrir el chat' }).click();
  const chat = page.getByRole('dialog');
  await chat.getByLabel('Mensaje').fill('hola, soy Olga Widget y busco depto en Ñuñoa');
  await chat.getByRole('button', { name: 'Enviar', exact: true }).click();
  await expect(chat.locator('[data-testid="chat-message"][data-from="agent"]').first()).toBeVisible({
    timeout: 60_000,
  });
  await snapshot(page, 'widget-demo');

  const lead = await leadNamed(request, await token(request), 'Olga Widget');
  expect(lead.workflowId).toContain('webchat');
});
