import { expect, test } from '@playwright/test';
import { signIn, snapshot } from './support/demo';

/**
 * The demo a newcomer watches: a lead chats in the test chat from "hola" to a booked visit while, in another
 * tab, the lead's card travels across the kanban by itself (live events, no reload).
 */
test('chatting from "hola" to a booked visit moves the card across the kanban live', async ({ page, context }) => {
  await signIn(page);
  await page.goto('/pipeline');
  await expect(page.getByTestId('kanban-column-NEW')).toBeVisible();
  // a mark that a reload or a navigation would wipe
  await page.evaluate(() => ((window as unknown as { e2eMark: string }).e2eMark = 'no reload'));

  const chat = await context.newPage();
  await chat.goto('/test-chat');
  await expect(chat.getByTestId('test-chat')).toBeVisible();
  const agentReplies = chat.getByTestId('chat-message').and(chat.locator('[data-from="agent"]'));

  async function say(text: string) {
    const before = await agentReplies.count();
    await chat.getByLabel('Mensaje').fill(text);
    await chat.getByRole('button', { name: 'Enviar', exact: true }).click();
    await expect(chat.getByTestId('chat-message').filter({ hasText: text }).first()).toBeVisible();
    await expect.poll(() => agentReplies.count(), { timeout: 60_000 }).toBeGreaterThan(before);
  }

  await say('hola');
  await say('Me llamo Pedro Soto, busco un departamento de 2 dormitorios en Providencia');
  const card = page.getByTestId('lead-card').filter({ hasText: 'Pedro Soto' });
  await expect(card).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('kanban-column-SCHEDULED').getByText('Pedro Soto')).toHaveCount(0);

  await say('Mi presupuesto es de 4.000 UF y mi teléfono es +56 9 7777 6666');
  await say('Gano 3 millones al mes y no estoy en DICOM');
  await say('Quiero agendar una visita');
  await say('La primera');

  await expect(
    page.getByTestId('kanban-column-SCHEDULED').getByTestId('lead-card').filter({ hasText: 'Pedro Soto' }),
  ).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate(() => (window as unknown as { e2eMark?: string }).e2eMark)).toBe('no reload');
  await snapshot(page, 'pipeline');
  await snapshot(chat, 'test-chat');

  // the test chat links to the lead it created: its detail shows the booked visit
  await chat.getByTestId('test-chat-lead-link').click();
  await expect(chat.getByTestId('lead-detail')).toBeVisible();
  await expect(chat.getByTestId('lead-stage')).toContainText('Visita agendada');
  await snapshot(chat, 'lead-detail');
});
