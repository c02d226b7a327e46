import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AGENT, renderPage, stubApi } from '../test/render';
import type { PipelineReport } from '../pipeline/api';
import { leadListHandler, leadRow } from '../pipeline/testLeads';
import HomePage from './HomePage';

const figures = {
  leads: 20,
  stages: { NEW: 4, PROFILING: 5, FINANCIAL_QUALIFICATION: 2, POTENTIAL: 3, SCHEDULED: 1, WON: 2, LOST: 3 },
  // reached at least: NEW 20, PROFILING 16, FQ 9, POTENTIAL 7, SCHEDULED 4, WON 2
  conversion: [
    { from: 'NEW', to: 'PROFILING', reached: 20, advanced: 16, rate: 0.8 },
    { from: 'PROFILING', to: 'FINANCIAL_QUALIFICATION', reached: 16, advanced: 9, rate: 0.5625 },
    { from: 'FINANCIAL_QUALIFICATION', to: 'POTENTIAL', reached: 9, advanced: 7, rate: 0.7778 },
    { from: 'POTENTIAL', to: 'SCHEDULED', reached: 7, advanced: 4, rate: 0.5714 },
    { from: 'SCHEDULED', to: 'WON', reached: 4, advanced: 2, rate: 0.5 },
  ],
  lost: 3,
  medianSecondsInStage: {},
  responseTime: { answered: 40, unanswered: 2, medianSeconds: 8, p90Seconds: 30 },
};

function report(): PipelineReport {
  return {
    from: '2026-02-01T00:00:00Z',
    to: null,
    channel: null,
    overall: figures,
    byChannel: {},
    timeZone: 'America/Santiago',
    highlights: {
      todayStart: '2026-03-02T03:00:00Z',
      weekStart: '2026-03-02T03:00:00Z',
      newToday: 3,
      newThisWeek: 11,
      hot: 5,
      needsAttention: 1,
      visitsBooked: 7,
      visitsUpcoming: 4,
      won: 2,
      conversionRate: 0.1,
      firstResponse: { answered: 18, unanswered: 1, medianSeconds: 42, p90Seconds: 90 },
    },
    weekly: Array.from({ length: 12 }, (_, i) => ({
      week: `2026-01-${String(i + 1).padStart(2, '0')}`,
      start: '2026-01-01T03:00:00Z',
      leads: i + 1,
      won: i % 2,
      visits: 1,
    })),
  };
}

const leads = [
  leadRow({ id: 'h1', name: 'Hugo Hot', stage: 'POTENTIAL', status: 'HOT', score: 70 }),
  leadRow({ id: 'q1', name: 'Quena Qualified', stage: 'SCHEDULED', status: 'QUALIFIED', score: 88 }),
  leadRow({ id: 'c1', name: 'Cora Cold', stage: 'NEW', status: 'COLD', score: 5 }),
  leadRow({
    id: 'a1',
    name: '<b>Ana</b>',
    stage: 'PROFILING',
    status: 'WARM',
    needsAttention: true,
    attentionReason: 'telegram: 502 Bad Gateway after 5 attempts',
  }),
];

describe('HomePage', { timeout: 20_000 }, () => {
  it('renders the KPI cards from the metrics payload', async () => {
    const fetchMock = stubApi({
      'GET /api/v1/pipeline/metrics': report(),
      'GET /api/v1/leads': leadListHandler(() => leads),
    });
    renderPage(<HomePage />);

    const kpi = async (name: string) => within(await screen.findByTestId(`kpi-${name}`));
    expect((await kpi('new-today')).getByText('3')).toBeInTheDocument();
    expect((await kpi('new-week')).getByText('11')).toBeInTheDocument();
    expect((await kpi('hot')).getByText('5')).toBeInTheDocument();
    expect((await kpi('visits')).getByText('7')).toBeInTheDocument();
    expect((await kpi('visits')).getByText(/4 próximas/)).toBeInTheDocument();
    expect((await kpi('first-response')).getByText('42 s')).toBeInTheDocument();
    expect((await kpi('first-response')).getByText('1 sin respuesta')).toBeInTheDocument();
    expect((await kpi('conversion')).getByText('10%')).toBeInTheDocument();
    expect((await kpi('conversion')).getByText('2 ganados de 20 leads')).toBeInTheDocument();

    const call = fetchMock.mock.calls
      .map(([url]) => new URL(String(url), 'http://x'))
      .find((url) => url.pathname === '/api/v1/pipeline/metrics');
    expect(call?.searchParams.get('weeks')).toBe('12');
    const from = new Date(call!.searchParams.get('from')!).getTime();
    expect(Math.abs(Date.now() - 30 * 86_400_000 - from)).toBeLessThan(120_000);
    expect(screen.getByText('Cifras de todos los leads de la corredora.')).toBeInTheDocument();
  });

  it('draws the funnel as reached-at-least counts with the rate to the next stage', async () => {
    stubApi({ 'GET /api/v1/pipeline/metrics': report(), 'GET /api/v1/leads': leadListHandler(() => leads) });
    renderPage(<HomePage />);
    const funnel = await screen.findByTestId('funnel');
    const steps = within(funnel).getAllByRole('listitem');
    expect(steps.map((s) => s.getAttribute('data-step'))).toEqual([
      'NEW',
      'PROFILING',
      'FINANCIAL_QUALIFICATION',
      'POTENTIAL',
      'SCHEDULED',
      'WON',
    ]);
    expect(steps.map((s) => s.querySelector('.funnel-value')?.textContent)).toEqual(['20', '16', '9', '7', '4', '2']);
    expect(within(steps[0]).getByText('80% pasa a la siguiente')).toBeInTheDocument();
    expect(within(steps[1]).getByText('5 están aquí')).toBeInTheDocument();
    expect(within(steps[5]).queryByText(/pasa a la siguiente/)).toBeNull();
    // widths relative to the first step
    expect((steps[1].querySelector('.funnel-bar') as HTMLElement).style.width).toBe('80%');
    expect(screen.getByText('Perdidos: 3')).toBeInTheDocument();
  });

  it('draws the weekly trend with one bar per week and series, and a table of the numbers', async () => {
    stubApi({ 'GET /api/v1/pipeline/metrics': report(), 'GET /api/v1/leads': leadListHandler(() => leads) });
    renderPage(<HomePage />);
    const chart = await screen.findByTestId('weekly-trend');
    const bars = chart.querySelectorAll('rect[data-series="leads"]');
    expect(bars).toHaveLength(12);
    expect(Array.from(bars).map((b) => b.getAttribute('data-value'))).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
    ]);
    // taller bar for more leads
    expect(Number(bars[11].getAttribute('height'))).toBeGreaterThan(Number(bars[0].getAttribute('height')));
    expect(
      within(chart).getByRole('img', { name: /78 leads nuevos en 12 semanas; esta semana 12/ }),
    ).toBeInTheDocument();
    expect(within(chart).getAllByRole('row')).toHaveLength(13);
  });

  it('lists hot leads and leads needing attention, linking to each lead, names as text', async () => {
    const fetchMock = stubApi({
      'GET /api/v1/pipeline/metrics': report(),
      'GET /api/v1/leads': leadListHandler(() => leads),
    });
    renderPage(<HomePage />);
    const hot = await screen.findByTestId('hot-leads');
    expect(
      within(hot)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Hugo Hot', 'Quena Qualified']);
    expect(within(hot).getByRole('link', { name: 'Hugo Hot' })).toHaveAttribute('href', '/leads/h1');
    const attention = await screen.findByTestId('attention-leads');
    expect(within(attention).getByRole('link', { name: '<b>Ana</b>' })).toHaveAttribute('href', '/leads/a1');
    expect(attention.querySelector('b')).toBeNull();
    expect(within(attention).getByText('telegram: 502 Bad Gateway after 5 attempts')).toBeInTheDocument();

    const hotCall = fetchMock.mock.calls
      .map(([url]) => new URL(String(url), 'http://x'))
      .find((url) => url.pathname === '/api/v1/leads' && url.searchParams.has('status'));
    expect(hotCall?.searchParams.getAll('status')).toEqual(['HOT', 'QUALIFIED']);
    expect(hotCall?.searchParams.getAll('stage')).not.toContain('WON');
  });

  it('changes the period and tells an agent the figures are theirs', async () => {
    const fetchMock = stubApi(
      { 'GET /api/v1/pipeline/metrics': report(), 'GET /api/v1/leads': leadListHandler(() => []) },
      AGENT,
    );
    renderPage(<HomePage />);
    expect(await screen.findByText('Cifras de tus leads.')).toBeInTheDocument();
    expect(await screen.findByText('No hay leads calientes abiertos.')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: '7 días' }));
    await waitFor(() => {
      const froms = fetchMock.mock.calls
        .map(([url]) => new URL(String(url), 'http://x'))
        .filter((url) => url.pathname === '/api/v1/pipeline/metrics')
        .map((url) => new Date(url.searchParams.get('from')!).getTime());
      expect(froms.some((f) => Math.abs(Date.now() - 7 * 86_400_000 - f) < 120_000)).toBe(true);
    });
    expect(screen.getByRole('button', { name: '7 días' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows the error of the metrics with a retry', async () => {
    stubApi({
      'GET /api/v1/pipeline/metrics': () =>
        new Response(JSON.stringify({ status: 500, detail: 'database is down' }), {
          status: 500,
          headers: { 'Content-Type': 'application/json' },
        }),
      'GET /api/v1/leads': leadListHandler(() => leads),
    });
    renderPage(<HomePage />);
    expect(await screen.findByText('database is down')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Reintentar' }).length).toBeGreaterThan(0);
  });
});
