import { expect, test } from '@playwright/test';
import { leadNamed, signIn, token, webChat } from './support/demo';

test('an agent takes over, writes as a human, and the AI stays silent until released', async ({ page, request }) => {
  const lead = await webChat(request);
  await lead.say('hola, soy Rita Lagos y busco casa en Ñuñoa');
  const row = await leadNamed(request, await token(request), 'Rita Lagos');

  await signIn(page);
  await page.goto(`/leads/${row.id}`);
  await expect(page.getByTestId('lead-detail')).toBeVisible();
  const aiMessages = page.getByTestId('message').and(page.locator('[data-author="ai"]'));
  await expect.poll(() => aiMessages.count(), { timeout: 60_000 }).toBeGreaterThan(0); // the AI answered "hola"

  await page.getByRole('button', { name: 'Tomar control', exact: true }).click();
  await expect(page.getByTestId('human-mode')).toBeVisible();
  await page.getByLabel('Mensaje').fill('Hola Rita, soy Administradora Demo. ¿Te acomoda el sábado?');
  await page.getByRole('button', { name: 'Enviar', exact: true }).click();
  await expect(page.getByTestId('message').and(page.locator('[data-author="human"]'))).toContainText(
    '¿Te acomoda el sábado?',
  );

  // the lead sees the human's words, and writes back: the lead's message arrives live, the AI does not answer
  await expect
    .poll(async () => (await lead.messages()).some((m) => m.body.includes('¿Te acomoda el sábado?')))
    .toBe(true);
  const aiBefore = await aiMessages.count();
  await lead.say('¿sigues ahí?');
  await expect(
    page.getByTestId('message').and(page.locator('[data-direction="inbound"]')).filter({ hasText: '¿sigues ahí?' }),
  ).toBeVisible();
  await page.waitForTimeout(8_000); // longer than the offline agent ever takes to answer
  await expect(aiMessages).toHaveCount(aiBefore);
  expect((await lead.messages()).filter((m) => m.author?.toLowerCase() === 'ai').length).toBe(aiBefore);

  await page.getByRole('button', { name: 'Devolver a la IA', exact: true }).click();
  await expect(page.getByTestId('human-mode')).toHaveCount(0);
});
