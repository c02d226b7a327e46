import { expect, test } from '@playwright/test';
import { ADMIN, AGENT, signIn, signInThroughTheForm, snapshot } from './support/demo';

test('a wrong password is refused with the reason, the right one opens the dashboard', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/); // signed out: every page leads to the login
  await page.getByLabel('Correo').fill(ADMIN.email);
  await page.getByLabel('Contraseña').fill('not-the-password');
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await snapshot(page, 'login');

  await signInThroughTheForm(page);
  await expect(page.getByRole('navigation')).toContainText('Pipeline');
  await expect(page.getByRole('navigation')).toContainText('Configuración'); // an admin sees the settings
  await snapshot(page, 'home');
});

test('an agent sees what an agent may, and English is one switch away', async ({ page }) => {
  await signIn(page, AGENT);
  const nav = page.getByRole('navigation');
  await expect(nav).toContainText('Bandeja');
  await expect(nav).not.toContainText('Configuración');
  await expect(nav).not.toContainText('Usuarios');
  await page.getByLabel('Idioma').selectOption('en');
  await expect(nav).toContainText('Inbox');
  await page.getByLabel('Language').selectOption('es');
});
