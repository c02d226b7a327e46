import { expect, test } from '@playwright/test';
import { AGENT, bearer, signIn, token } from './support/demo';

test("an agent cannot open another agent's lead", async ({ page, request }) => {
  const admin = await token(request);
  // a second agent of the same broker, who owns the lead
  const email = `agente.${Date.now()}@demo.inmo.cl`;
  const created = await request.post('/api/v1/users', {
    headers: bearer(admin),
    data: { email, fullName: 'Bruno Segundo', role: 'AGENT', password: 'Segundo#2026x' },
  });
  expect(created.status(), await created.text()).toBe(201);
  const other = await created.json();
  const lead = await request.post('/api/v1/leads', {
    headers: bearer(admin),
    data: { name: 'Lucía Privada', phone: '+56 9 8765 4321', source: 'e2e' },
  });
  expect(lead.status(), await lead.text()).toBe(201);
  const leadId: string = (await lead.json()).leadId;
  const assigned = await request.post(`/api/v1/leads/${leadId}/assign`, {
    headers: bearer(admin),
    data: { agentId: other.id },
  });
  expect(assigned.status(), await assigned.text()).toBe(200);

  await signIn(page, AGENT);
  await page.goto(`/leads/${leadId}`);
  await expect(page.getByTestId('lead-error')).toContainText('No encontrado');
  await expect(page.getByTestId('lead-detail')).toHaveCount(0);
  await expect(page.getByText('Lucía Privada')).toHaveCount(0);
  await page.goto('/leads');
  await expect(page.getByTestId('lead-row').filter({ hasText: 'Lucía Privada' })).toHaveCount(0);
});
