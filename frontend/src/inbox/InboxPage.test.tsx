import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ADMIN, renderPage, stubApi } from '../test/render';
import { leadRow } from '../leads/testData';
import InboxPage from './InboxPage';
import type { InboxItem } from './types';

vi.setConfig({ testTimeout: 20_000 });

const NOW = new Date('2026-11-29T15:00:00Z').getTime();
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
const NO_TASKS = { 'GET /api/v1/tasks': { items: [], total: 0, limit: 100, offset: 0 } };

function item(id: string, name: string, overrides: Partial<InboxItem>): InboxItem {
  return {
    ...leadRow({ id, name, humanMode: true }),
    humanUserId: null,
    humanUserName: null,
    humanSince: null,
    humanWaitingSince: null,
    requested: false,
    waitingSince: ago(0),
    ...overrides,
  };
}

describe('InboxPage', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists the longest wait first, with clocks coloured at 15, 30 and 60 minutes, ticking', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: NOW });
    stubApi({
      ...NO_TASKS,
      // the api's order is not trusted: the page sorts
      'GET /api/v1/leads/inbox': {
        total: 4,
        items: [
          item('l-5', 'Cinco minutos', {
            humanUserId: 'u-x',
            humanUserName: 'Beto',
            humanSince: ago(5),
            humanWaitingSince: ago(5),
            waitingSince: ago(5),
          }),
          item('l-65', 'Una hora', {
            requested: true,
            humanSince: ago(65),
            humanWaitingSince: ago(65),
            waitingSince: ago(65),
          }),
          item('l-20', 'Veinte', {
            humanUserId: ADMIN.id,
            humanSince: ago(40),
            humanWaitingSince: ago(20),
            waitingSince: ago(20),
          }),
          item('l-31', 'Treinta y uno', {
            humanUserId: 'u-x',
            humanSince: ago(31),
            humanWaitingSince: null,
            waitingSince: ago(31),
          }),
        ],
      },
    });
    renderPage(<InboxPage />, { path: '/inbox' });
    const rows = await screen.findAllByTestId('inbox-item');
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual([
      'Una hora',
      'Treinta y uno',
      'Veinte',
      'Cinco minutos',
    ]);
    expect(rows.map((r) => r.dataset.level)).toEqual(['3', '2', '1', '0']);
    const clocks = rows.map((r) => within(r).getByTestId('inbox-clock'));
    expect(clocks[0]).toHaveTextContent('Esperando1:05:00');
    expect(clocks[0]).toHaveClass('level-3');
    // answered already: the clock counts the human mode, not a wait
    expect(clocks[1]).toHaveTextContent('En modo humano31:00');
    expect(clocks[2]).toHaveTextContent('20:00');
    expect(clocks[3]).toHaveTextContent('5:00');

    expect(within(rows[0]).getByText('Pidió una persona')).toBeInTheDocument();
    expect(within(rows[2]).getByText('Tomado por ti')).toBeInTheDocument();
    expect(within(rows[3]).getByText('Tomado por Beto')).toBeInTheDocument();

    // ten minutes later the five-minute wait crosses 15 and turns amber
    act(() => {
      vi.advanceTimersByTime(10 * 60_000);
    });
    expect(within(rows[3]).getByTestId('inbox-clock')).toHaveTextContent('15:00');
    expect(rows[3].dataset.level).toBe('1');
  });

  it('takes over a lead that asked for a person', async () => {
    const fetchMock = stubApi({
      ...NO_TASKS,
      'GET /api/v1/leads/inbox': {
        total: 1,
        items: [
          item('l-1', 'Ana', { requested: true, humanSince: ago(3), humanWaitingSince: ago(3), waitingSince: ago(3) }),
        ],
      },
      'POST /api/v1/leads/l-1/takeover': { workflowId: 'w', stage: 'PROFILING', humanMode: true },
    });
    renderPage(<InboxPage />, { path: '/inbox' });
    await userEvent.click(await screen.findByRole('button', { name: 'Tomar control' }));
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.some(
          ([input, init]) => String(input).endsWith('/api/v1/leads/l-1/takeover') && init?.method === 'POST',
        ),
      ).toBe(true),
    );
  });

  it('says when nobody waits', async () => {
    stubApi({ ...NO_TASKS, 'GET /api/v1/leads/inbox': { total: 0, items: [] } });
    renderPage(<InboxPage />, { path: '/inbox' });
    expect(await screen.findByText(/Nadie espera a un humano/)).toBeInTheDocument();
  });

  it('shows a hostile name as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    stubApi({
      ...NO_TASKS,
      'GET /api/v1/leads/inbox': {
        total: 1,
        items: [
          item('l-1', hostile, {
            requested: true,
            humanWaitingSince: ago(1),
            humanSince: ago(1),
            waitingSince: ago(1),
          }),
        ],
      },
    });
    const { container } = renderPage(<InboxPage />, { path: '/inbox' });
    expect(await screen.findByRole('link', { name: hostile })).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });
});
