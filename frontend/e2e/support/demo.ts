import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** The dev mode's seeded accounts (README). */
export const ADMIN = { email: 'admin@demo.inmo.cl', password: 'Demo#2026' };
export const AGENT = { email: 'agente@demo.inmo.cl', password: 'Demo#2026' };

interface Session {
  access_token: string;
  refresh_token: string;
}

/**
 * One session per account for the whole run, as an agent keeps one all day: the api allows 5 logins a
 * minute per account and per address, and every test comes from 127.0.0.1. (Access tokens live 60 min.)
 */
const sessions = new Map<string, Promise<Session>>();

function sessionOf(request: APIRequestContext, who: { email: string; password: string }): Promise<Session> {
  let session = sessions.get(who.email);
  if (!session) {
    session = (async () => {
      const response = await request.post('/auth/login', { data: who });
      expect(response.status(), await response.text()).toBe(200);
      return (await response.json()) as Session;
    })();
    sessions.set(who.email, session);
  }
  return session;
}

/** Types the credentials into the login page, as a person does. */
export async function signInThroughTheForm(page: Page, who = ADMIN) {
  await page.goto('/login');
  await page.getByLabel('Correo').fill(who.email);
  await page.getByLabel('Contraseña').fill(who.password);
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** Opens the dashboard signed in with the account's run-long session (the dashboard keeps it in localStorage). */
export async function signIn(page: Page, who = ADMIN) {
  const session = await sessionOf(page.request, who);
  await page.addInitScript(
    ([key, value]) => {
      if (!localStorage.getItem(key)) localStorage.setItem(key, value);
    },
    ['inmo.session', JSON.stringify(session)] as const,
  );
  await page.goto('/');
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** An access token for setting up a scenario through the api (what the page under test does is clicked). */
export async function token(request: APIRequestContext, who = ADMIN): Promise<string> {
  return (await sessionOf(request, who)).access_token;
}

export function bearer(accessToken: string) {
  return { Authorization: `Bearer ${accessToken}` };
}

export interface LeadRow {
  id: string;
  name: string | null;
  stage: string;
  workflowId: string;
  humanMode: boolean;
  needsAttention: boolean;
}

/** Waits until the read model lists a lead whose name contains `name` (the workflow writes it shortly after). */
export async function leadNamed(request: APIRequestContext, accessToken: string, name: string): Promise<LeadRow> {
  let found: LeadRow | undefined;
  await expect(async () => {
    const response = await request.get('/api/v1/leads', { params: { search: name }, headers: bearer(accessToken) });
    expect(response.status()).toBe(200);
    const body = await response.json();
    const items: LeadRow[] = body.items;
    found = items.find((l) => (l.name ?? '').includes(name));
    expect(found).toBeTruthy();
  }).toPass({ timeout: 60_000, intervals: [500, 1000, 2000] });
  return found!;
}

/** A lead writing on the web chat, as the widget does. */
export async function webChat(request: APIRequestContext) {
  const created = await request.post('/api/v1/webchat/demo/sessions', { data: {} });
  expect(created.status()).toBe(201);
  const sessionId: string = (await created.json()).sessionId;
  return {
    sessionId,
    async say(text: string) {
      const response = await request.post('/api/v1/webchat/demo/messages', { data: { sessionId, text } });
      expect(response.status()).toBe(202);
    },
    async messages(): Promise<Array<{ direction: string; author: string; body: string }>> {
      const response = await request.get(`/api/v1/webchat/demo/sessions/${sessionId}/messages`);
      expect(response.status()).toBe(200);
      const body = await response.json();
      return body;
    },
  };
}

/** Saves a full-page screenshot as a build artifact (devmode/target/e2e-screenshots). */
export async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: `../devmode/target/e2e-screenshots/${name}.png`, fullPage: true });
}
