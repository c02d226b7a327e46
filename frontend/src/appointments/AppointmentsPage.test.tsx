import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AGENT, renderPage, stubApi } from '../test/render';
import AppointmentsPage from './AppointmentsPage';
import type { Appointment } from './layout';
import { placeVisits } from './layout';

const TOKYO_BROKER = {
  id: 'b-1',
  slug: 'demo',
  name: 'Demo',
  timeZone: 'Asia/Tokyo',
  personaName: 'Sofía',
  personaTone: 'cercana',
  active: true,
  settings: {},
};
const AGENT_ID = 'u-ana';

function visit(
  id: string,
  leadName: string,
  slotStart: string,
  minutes = 60,
  extra: Partial<Appointment> = {},
): Appointment {
  return {
    id,
    brokerSlug: 'demo',
    leadId: `lead-${id}`,
    leadName,
    assignedAgentId: AGENT_ID,
    workflowId: null,
    slotStart,
    slotEnd: new Date(Date.parse(slotStart) + minutes * 60_000).toISOString(),
    status: 'BOOKED',
    notes: null,
    createdAt: '2026-02-20T12:00:00Z',
    cancelledAt: null,
    cancelReason: null,
    ...extra,
  };
}

const visits = [
  // Sunday 23:30 UTC is Monday 08:30 in Tokyo
  visit('v1', 'Ana Pérez', '2026-03-01T23:30:00Z'),
  // Wednesday 10:00 in Tokyo, 90 minutes
  visit('v2', '<img src=x onerror=alert(1)>', '2026-03-04T01:00:00Z', 90, { assignedAgentId: null }),
];

function requests(fetchMock: ReturnType<typeof stubApi>) {
  return fetchMock.mock.calls
    .map(([url]) => new URL(String(url), 'http://x'))
    .filter((url) => url.pathname === '/api/v1/appointments');
}

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(window, 'matchMedia');
});

describe('AppointmentsPage', { timeout: 20_000 }, () => {
  it("places each visit on the broker's day and hour, whatever the browser's zone", async () => {
    const fetchMock = stubApi({
      'GET /api/v1/brokers/current/profile': TOKYO_BROKER,
      'GET /api/v1/appointments': visits,
      'GET /api/v1/users': [
        { id: AGENT_ID, brokerId: 'b-1', email: 'ana@x.cl', fullName: 'Ana Agente', role: 'AGENT', active: true },
      ],
    });
    renderPage(<AppointmentsPage />, { path: '/appointments?date=2026-03-04' });

    const monday = await screen.findByTestId('calendar-day-2026-03-02');
    const first = await within(monday).findByTestId('appointment');
    expect(first).toHaveAttribute('data-start', '08:30');
    expect(first).toHaveTextContent('08:30–09:30');
    expect(first).toHaveTextContent('Ana Pérez');
    expect(first).toHaveAttribute('href', '/leads/lead-v1');
    // rows per hour from 08:00, 60 px each: 08:30 is half an hour down
    expect(first.style.top).toBe('30px');

    const wednesday = screen.getByTestId('calendar-day-2026-03-04');
    const second = within(wednesday).getByTestId('appointment');
    expect(second).toHaveAttribute('data-start', '10:00');
    expect(second.style.top).toBe('120px');
    expect(second.style.height).toBe('88px'); // 90 min = 90 px, less the gap
    // the lead's name is text; the admin sees whose visit it is
    expect(second.querySelector('img')).toBeNull();
    expect(second).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(second).toHaveTextContent('Sin agente');
    await waitFor(() => expect(first).toHaveTextContent('Ana Agente'));

    // the week asked for is Monday to Monday in Tokyo, booked visits only
    const asked = requests(fetchMock);
    expect(asked[0].searchParams.get('from')).toBe('2026-03-01T15:00:00.000Z');
    expect(asked[0].searchParams.get('to')).toBe('2026-03-08T15:00:00.000Z');
    expect(asked[0].searchParams.get('status')).toBe('BOOKED');
    expect(screen.getAllByTestId('appointment')).toHaveLength(2);
  });

  it('moves by week and opens one day', async () => {
    const fetchMock = stubApi({
      'GET /api/v1/brokers/current/profile': TOKYO_BROKER,
      'GET /api/v1/appointments': [],
      'GET /api/v1/users': [],
    });
    renderPage(<AppointmentsPage />, { path: '/appointments?date=2026-03-04' });
    const user = userEvent.setup();
    expect(await screen.findByText('Sin visitas en este período.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Semana siguiente' }));
    await waitFor(() => expect(requests(fetchMock).at(-1)?.searchParams.get('from')).toBe('2026-03-08T15:00:00.000Z'));
    expect(screen.getByTestId('calendar-day-2026-03-15')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Ver el miércoles, 11 de marzo/ }));
    await waitFor(() => expect(requests(fetchMock).at(-1)?.searchParams.get('to')).toBe('2026-03-11T15:00:00.000Z'));
    expect(requests(fetchMock).at(-1)?.searchParams.get('from')).toBe('2026-03-10T15:00:00.000Z');
    expect(screen.getByRole('button', { name: 'Día' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByTestId('calendar-day-2026-03-10')).toBeNull();
  });

  it('filters by agent for an admin, and shows cancelled visits on request', async () => {
    const fetchMock = stubApi({
      'GET /api/v1/appointments': [],
      'GET /api/v1/users': [
        { id: AGENT_ID, brokerId: 'b-1', email: 'ana@x.cl', fullName: 'Ana Agente', role: 'AGENT', active: true },
        { id: 'u-old', brokerId: 'b-1', email: 'old@x.cl', fullName: 'Ex Agente', role: 'AGENT', active: false },
      ],
    });
    renderPage(<AppointmentsPage />, { path: '/appointments?date=2026-03-04' });
    const user = userEvent.setup();
    const select = await screen.findByLabelText('Agente');
    await waitFor(() =>
      expect(
        within(select)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Todos los agentes', 'Ana Agente']),
    );
    await user.selectOptions(select, AGENT_ID);
    await waitFor(() => expect(requests(fetchMock).at(-1)?.searchParams.get('agentId')).toBe(AGENT_ID));
    await user.click(screen.getByLabelText('Mostrar canceladas'));
    await waitFor(() => expect(requests(fetchMock).at(-1)?.searchParams.has('status')).toBe(false));
  });

  it('gives an agent no agent filter and does not ask for the users', async () => {
    const fetchMock = stubApi({ 'GET /api/v1/appointments': [visits[0]] }, AGENT);
    renderPage(<AppointmentsPage />, { path: '/appointments?date=2026-03-01' });
    // Santiago: Sunday 20:30
    const sunday = await screen.findByTestId('calendar-day-2026-03-01');
    expect(within(sunday).getByTestId('appointment')).toHaveAttribute('data-start', '20:30');
    expect(screen.queryByLabelText('Agente')).toBeNull();
    expect(fetchMock.mock.calls.some(([url]) => String(url).startsWith('/api/v1/users'))).toBe(false);
  });

  it('becomes a list by day on a narrow screen', async () => {
    Object.defineProperty(window, 'matchMedia', {
      configurable: true,
      value: (query: string) => ({
        matches: true,
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      }),
    });
    stubApi({
      'GET /api/v1/brokers/current/profile': TOKYO_BROKER,
      'GET /api/v1/appointments': visits,
      'GET /api/v1/users': [],
    });
    renderPage(<AppointmentsPage />, { path: '/appointments?date=2026-03-04' });
    const monday = await screen.findByRole('heading', { name: /lunes, 2 de marzo/ });
    expect(monday.tagName).toBe('H2');
    const day = screen.getByTestId('calendar-day-2026-03-02');
    expect(within(day).getByTestId('appointment')).toHaveTextContent('08:30–09:30');
    expect(within(screen.getByTestId('calendar-day-2026-03-03')).getByText('Sin visitas.')).toBeInTheDocument();
    expect(document.querySelector('.calendar-grid')).toBeNull();
  });

  it('shows the api error with a retry', async () => {
    stubApi({
      'GET /api/v1/appointments': () =>
        new Response(JSON.stringify({ status: 400, detail: 'to must be after from' }), {
          status: 400,
          headers: { 'Content-Type': 'application/json' },
        }),
      'GET /api/v1/users': [],
    });
    renderPage(<AppointmentsPage />, { path: '/appointments' });
    expect(await screen.findByText('to must be after from')).toBeInTheDocument();
  });
});

describe('placeVisits', () => {
  it('puts overlapping visits side by side', () => {
    const placed = placeVisits(
      [
        visit('a', 'A', '2026-03-02T13:00:00Z'),
        visit('b', 'B', '2026-03-02T13:30:00Z'),
        visit('c', 'C', '2026-03-02T15:00:00Z'),
      ],
      'America/Santiago',
    ).get('2026-03-02')!;
    expect(placed.map((p) => [p.appointment.id, p.start, p.lane, p.lanes])).toEqual([
      ['a', 600, 0, 2],
      ['b', 630, 1, 2],
      ['c', 720, 0, 1],
    ]);
  });
});
