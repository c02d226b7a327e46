import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { vi } from 'vitest';
import { AuthProvider, type Me } from '../auth/AuthProvider';
import { session } from '../auth/session';

export const AGENT: Me = {
  id: 'u-agent',
  email: 'agente@demo.inmo.cl',
  full_name: 'Ana Agente',
  role: 'AGENT',
  broker_id: 'b-1',
};
export const ADMIN: Me = {
  id: 'u-admin',
  email: 'admin@demo.inmo.cl',
  full_name: 'Alex Admin',
  role: 'ADMIN',
  broker_id: 'b-1',
};

type Handler = (request: { url: URL; method: string; body: unknown }) => unknown;

/**
 * Answers the dashboard's fetches from a table of `"METHOD /path"` → handler (a value or a function of
 * the request). `/auth/me` and `/api/v1/brokers/current` answer for the given user unless overridden.
 * Unknown routes answer 404, so a page calling an endpoint the test did not expect shows it.
 * Returns the fetch mock to assert on requests.
 */
export function stubApi(routes: Record<string, unknown | Handler>, me: Me = ADMIN) {
  const table: Record<string, unknown | Handler> = {
    'GET /auth/me': me,
    'GET /api/v1/brokers/current': {
      id: 'b-1',
      slug: 'demo',
      name: 'Demo',
      timeZone: 'America/Santiago',
      personaName: 'Sofía',
      personaTone: 'cercana',
      active: true,
      settings: {},
    },
    'GET /api/v1/brokers/current/profile': {
      id: 'b-1',
      slug: 'demo',
      name: 'Demo',
      timeZone: 'America/Santiago',
      personaName: 'Sofía',
    },
    ...routes,
  };
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const handler = table[`${method} ${url.pathname}`];
    if (handler === undefined) {
      return new Response(JSON.stringify({ status: 404, title: 'Not Found' }), {
        status: 404,
        headers: { 'Content-Type': 'application/json' },
      });
    }
    let body: unknown = undefined;
    if (typeof init?.body === 'string') body = JSON.parse(init.body);
    const value = typeof handler === 'function' ? await (handler as Handler)({ url, method, body }) : handler;
    if (value instanceof Response) return value;
    return new Response(JSON.stringify(value ?? null), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** Renders a page signed in, inside the app's providers, at `path` matched by `route`. */
export function renderPage(ui: ReactElement, { path = '/', route = '*' }: { path?: string; route?: string } = {}) {
  session.start({ access_token: 'test-token', refresh_token: 'test-refresh' });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return {
    queryClient,
    ...render(
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route path={route} element={ui} />
            </Routes>
          </MemoryRouter>
        </AuthProvider>
      </QueryClientProvider>,
    ),
  };
}
