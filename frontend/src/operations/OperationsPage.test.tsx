import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import OperationsPage from './OperationsPage';
import { lastDays, totalsPerDay, type DailyUsage } from './llm';
import { ADMIN, renderPage, stubApi } from '../test/render';

// user-event through whole pages: generous on a loaded CI machine, still far below a hang
vi.setConfig({ testTimeout: 20_000 });

const today = lastDays(1)[0];
const yesterday = lastDays(2)[0];

const DAILY: DailyUsage[] = [
  {
    day: yesterday,
    provider: 'gemini',
    calls: 10,
    failures: 1,
    latencyP50Ms: 800,
    latencyP90Ms: 1500,
    tokensIn: 12000,
    tokensOut: 1500,
    costUsd: 0.0125,
  },
  {
    day: today,
    provider: 'claude',
    calls: 1,
    failures: 0,
    latencyP50Ms: 2000,
    latencyP90Ms: 2000,
    tokensIn: 1000,
    tokensOut: 100,
    costUsd: 0.01,
  },
  {
    day: today,
    provider: 'gemini',
    calls: 3,
    failures: 2,
    latencyP50Ms: 1000,
    latencyP90Ms: 3000,
    tokensIn: 3600,
    tokensOut: 450,
    costUsd: 0.0016,
  },
];

function routes(extra: Record<string, unknown> = {}) {
  return {
    'GET /api/v1/leads': {
      items: [
        {
          id: 'l-1',
          name: '<img src=x onerror=alert(1)>',
          channel: 'WEBCHAT',
          stage: 'PROFILING',
          attentionReason: 'LLM provider down: HTTP 503 after 5 attempts',
          updatedAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
        },
        {
          id: 'l-2',
          name: null,
          channel: 'TELEGRAM',
          stage: 'NEW',
          attentionReason: null,
          updatedAt: new Date().toISOString(),
        },
      ],
      total: 2,
      limit: 50,
      offset: 0,
      nextCursor: null,
    },
    'GET /api/v1/operations/providers': {
      hours: 24,
      providers: [
        {
          provider: 'claude',
          calls: 1,
          failures: 0,
          errorRate: 0,
          latencyP50Ms: 2000,
          lastCallAt: null,
          lastFailureAt: null,
          lastError: null,
          state: 'ok',
        },
        {
          provider: 'gemini',
          calls: 3,
          failures: 2,
          errorRate: 2 / 3,
          latencyP50Ms: 1000,
          lastCallAt: null,
          lastFailureAt: '2026-12-01T13:00:00Z',
          lastError: 'HTTP 503 from gemini',
          state: 'failing',
        },
      ],
    },
    'GET /api/v1/llm-calls/daily': DAILY,
    'GET /health': () =>
      new Response(
        JSON.stringify({
          status: 'unhealthy',
          checks: { database: 'up', redis: 'up', temporal: 'down' },
          errors: { temporal: 'no answer in time' },
          details: {
            telegram: {
              mode: 'webhook',
              registered: false,
              registration_error: 'Unauthorized',
              pending_update_count: 3,
            },
          },
        }),
        { status: 503, headers: { 'Content-Type': 'application/json' } },
      ),
    'GET /api/v1/brokers/demo/telegram': { connected: true, botId: '987654', webhookPath: '/webhooks/telegram/demo' },
    'GET /api/v1/calendar/google': { status: 'disconnected', calendarId: 'primary' },
    'GET /api/v1/operations/llm-budget': [
      {
        brokerId: 'b-1',
        brokerSlug: 'demo',
        brokerName: 'Demo',
        day: '2026-12-01',
        timeZone: 'America/Santiago',
        turns: 1234,
        turnsLimit: 2000,
        costUsd: 3.21,
        budgetUsd: 20,
        spent: false,
      },
    ],
    ...extra,
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('totalsPerDay', () => {
  it('sums each day, weights the medians by calls and keeps empty days', () => {
    const days = lastDays(3);
    const totals = totalsPerDay(DAILY, days);
    expect(totals.map((d) => d.day)).toEqual(days);
    expect(totals[0]).toMatchObject({ calls: 0, costUsd: 0, latencyP50Ms: 0 });
    expect(totals[2]).toMatchObject({ calls: 4, failures: 2, latencyP50Ms: 1250 });
    expect(totals[2].costUsd).toBeCloseTo(0.0116);
  });
});

describe('OperationsPage', () => {
  it('shows the leads needing attention and retries one', async () => {
    const retried: string[] = [];
    const fetchMock = stubApi(
      routes({
        'POST /api/v1/leads/l-1/retry': () => {
          retried.push('l-1');
          return { workflowId: 'x' };
        },
      }),
      ADMIN,
    );
    const user = userEvent.setup({ delay: null });
    renderPage(<OperationsPage />);

    const rows = await screen.findAllByTestId('attention-row');
    expect(rows).toHaveLength(2);
    const first = rows[0];
    expect(within(first).getByRole('link', { name: '<img src=x onerror=alert(1)>' })).toHaveAttribute(
      'href',
      '/leads/l-1',
    );
    expect(within(first).getByText('LLM provider down: HTTP 503 after 5 attempts')).toBeInTheDocument();
    expect(within(first).getByText('hace 3 horas')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Sin nombre')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    const list = fetchMock.mock.calls
      .map(([url]) => new URL(String(url), 'http://x'))
      .find((u) => u.pathname === '/api/v1/leads')!;
    expect(list.searchParams.get('needsAttention')).toBe('true');

    await user.click(within(first).getByRole('button', { name: 'Reintentar: <img src=x onerror=alert(1)>' }));
    await waitFor(() => expect(retried).toEqual(['l-1']));
    expect(await screen.findByText('Reintento enviado a <img src=x onerror=alert(1)>.')).toBeInTheDocument();
  });

  it('shows why a retry was refused on its row', async () => {
    stubApi(
      routes({
        'POST /api/v1/leads/l-2/retry': () =>
          new Response(JSON.stringify({ status: 409, detail: 'No failed step to retry' }), { status: 409 }),
      }),
      ADMIN,
    );
    const user = userEvent.setup({ delay: null });
    renderPage(<OperationsPage />);
    const rows = await screen.findAllByTestId('attention-row');
    await user.click(within(rows[1]).getByRole('button', { name: /Reintentar/ }));
    expect(await within(rows[1]).findByRole('alert')).toHaveTextContent('No failed step to retry');
  });

  it('shows each provider’s error rate, the channels and the services', async () => {
    stubApi(routes(), ADMIN);
    renderPage(<OperationsPage />);
    const providers = await screen.findAllByTestId('provider-row');
    const gemini = providers.find((r) => within(r).queryByText('gemini'))!;
    expect(within(gemini).getByTestId('error-rate').textContent).toMatch(/^66,7\s?%$/);
    expect(within(gemini).getByText('Fallando')).toBeInTheDocument();
    expect(within(gemini).getByText('HTTP 503 from gemini')).toBeInTheDocument();
    const claude = providers.find((r) => within(r).queryByText('claude'))!;
    expect(within(claude).getByTestId('error-rate').textContent).toMatch(/^0\s?%$/);

    const telegram = screen.getByTestId('telegram-state');
    expect(await within(telegram).findByText(/No registrado/)).toBeInTheDocument();
    expect(within(telegram).getByText('Último error: Unauthorized')).toBeInTheDocument();
    expect(within(telegram).getByText('Pendientes: 3')).toBeInTheDocument();
    expect(await within(telegram).findByText(/Bot de la corredora: conectado \(987654\)/)).toBeInTheDocument();
    expect(
      await within(screen.getByTestId('calendar-state')).findByText(/Google Calendar desconectado/),
    ).toBeInTheDocument();
    const services = screen.getByTestId('services-state');
    expect(await within(services).findByText('temporal: Caído — no answer in time')).toBeInTheDocument();
    expect(within(services).getByText('database: Operativo')).toBeInTheDocument();
  });

  it('shows the LLM cost and latency per day with totals and bars', async () => {
    stubApi(routes({ 'GET /api/v1/calendar/google': () => new Response('{}', { status: 404 }) }), ADMIN);
    renderPage(<OperationsPage />);
    const table = await screen.findByTestId('llm-table');
    const body = within(table).getAllByRole('row').slice(1, -1);
    expect(body).toHaveLength(3);
    expect(within(body[0]).getByText('claude')).toBeInTheDocument(); // newest day first
    expect(within(table).getByTestId('llm-total-cost').textContent).toMatch(/0,0241/);
    const bars = screen.getAllByTestId('bar');
    expect(bars).toHaveLength(28); // 14 days, cost and latency
    const cost = bars.slice(0, 14).map((b) => Number(b.dataset.value));
    expect(cost[13]).toBeCloseTo(0.0116);
    expect(cost[12]).toBeCloseTo(0.0125);
    expect(cost.slice(0, 12).every((v) => v === 0)).toBe(true);
    expect(await within(screen.getByTestId('calendar-state')).findByText('No disponible')).toBeInTheDocument();
  });

  it('shows today’s LLM budget against its limits', async () => {
    stubApi(routes(), ADMIN);
    renderPage(<OperationsPage />);
    const budget = await screen.findByTestId('llm-budget');
    expect(await within(budget).findByText(/1\.234 de 2\.000 turnos/)).toBeInTheDocument();
    expect(within(budget).getByText(/US\$\s?3,21 de US\$\s?20,00/)).toBeInTheDocument();
    expect(within(budget).getByText('Disponible')).toBeInTheDocument();
    expect(within(budget).getByRole('meter', { name: /Turnos de IA de hoy/ })).toHaveAttribute('aria-valuenow', '1234');
  });

  it('says when the LLM budget is spent and the team answers instead', async () => {
    stubApi(
      routes({
        'GET /api/v1/operations/llm-budget': [
          {
            brokerId: 'b-1',
            brokerSlug: 'demo',
            brokerName: 'Demo',
            day: '2026-12-01',
            timeZone: 'America/Santiago',
            turns: 812,
            turnsLimit: 2000,
            costUsd: 20.4,
            budgetUsd: 20,
            spent: true,
          },
        ],
      }),
      ADMIN,
    );
    renderPage(<OperationsPage />);
    const budget = await screen.findByTestId('llm-budget');
    expect(await within(budget).findByText('Agotado')).toBeInTheDocument();
    expect(within(budget).getByText(/pasan a una persona del equipo/)).toBeInTheDocument();
  });

  it('says so when nothing needs attention and no model was called', async () => {
    stubApi(
      routes({
        'GET /api/v1/leads': { items: [], total: 0, limit: 50, offset: 0 },
        'GET /api/v1/llm-calls/daily': [],
        'GET /api/v1/operations/providers': { hours: 24, providers: [] },
      }),
      ADMIN,
    );
    renderPage(<OperationsPage />);
    expect(await screen.findByText('Ningún lead requiere atención.')).toBeInTheDocument();
    expect(await screen.findByText('Sin llamadas al modelo en estos días.')).toBeInTheDocument();
    expect(await screen.findByText('Sin llamadas al modelo en las últimas 24 h.')).toBeInTheDocument();
  });
});
