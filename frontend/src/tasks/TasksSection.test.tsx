import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AGENT, renderPage, stubApi } from '../test/render';
import InboxPage from '../inbox/InboxPage';
import { page, taskOf } from './testData';
import type { Task } from './types';

vi.setConfig({ testTimeout: 20_000 });

const NOW = new Date('2026-11-29T15:00:00Z').getTime();
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

function inboxWith(tasks: unknown, extra: Record<string, unknown> = {}) {
  return stubApi({
    'GET /api/v1/leads/inbox': { total: 0, items: [] },
    'GET /api/v1/tasks': tasks,
    ...extra,
  });
}

function posts(fetchMock: ReturnType<typeof stubApi>, path: string) {
  return fetchMock.mock.calls
    .filter(([input, init]) => new URL(String(input), 'http://localhost').pathname === path && init?.method === 'POST')
    .map(([, init]) => (typeof init?.body === 'string' ? JSON.parse(init.body) : undefined));
}

describe('the inbox’s tasks', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists the open tasks with their lead, kind, title, age, due time and who they are for', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const fetchMock = inboxWith(
      page(
        [
          taskOf({
            id: 't-1',
            leadId: 'l-1',
            leadName: 'Ana Rojas',
            kind: 'CALL_LEAD',
            title: 'Llamar a Ana Rojas',
            detail: 'Pidió una llamada y no hay proveedor de voz.',
            createdAt: ago(20),
            dueAt: ago(5),
            assigneeId: 'u-x',
            assigneeName: 'Beto',
          }),
          taskOf({
            id: 't-2',
            leadId: 'l-2',
            leadName: null,
            kind: 'CLOSE_AFTER_VISIT',
            title: 'Pasar a GANADO o PERDIDO',
            createdAt: ago(120),
            dueAt: new Date(NOW + 3 * 3_600_000).toISOString(),
          }),
          taskOf({ id: 't-3', leadId: 'l-3', kind: 'SOMETHING_NEW', title: 'Algo nuevo' }),
        ],
        3,
      ),
    );
    renderPage(<InboxPage />, { path: '/inbox' });

    const section = await screen.findByTestId('tasks');
    const rows = await within(section).findAllByTestId('task');
    expect(within(section).getByRole('heading', { name: /Tareas/ })).toHaveTextContent('3');
    expect(rows).toHaveLength(3);
    expect(within(rows[0]).getByRole('link', { name: 'Ana Rojas' })).toHaveAttribute('href', '/leads/l-1');
    expect(rows[0]).toHaveTextContent('Llamar');
    expect(rows[0]).toHaveTextContent('Llamar a Ana Rojas');
    expect(rows[0]).toHaveTextContent('Pidió una llamada y no hay proveedor de voz.');
    expect(rows[0]).toHaveTextContent('Para Beto');
    expect(rows[0]).toHaveTextContent('Creada hace 20 minutos');
    expect(within(rows[0]).getByTestId('task-due')).toHaveTextContent('Venció hace 5 minutos');
    expect(rows[0]).toHaveClass('overdue');
    expect(within(rows[1]).getByRole('link', { name: 'Sin nombre' })).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('Cerrar tras la visita');
    expect(rows[1]).toHaveTextContent('Sin asignar');
    expect(within(rows[1]).getByTestId('task-due')).toHaveTextContent('Vence dentro de 3 horas');
    expect(rows[1]).not.toHaveClass('overdue');
    // a kind this dashboard does not know yet shows by its name
    expect(rows[2]).toHaveTextContent('SOMETHING_NEW');

    const asked = new URL(
      String(fetchMock.mock.calls.find(([input]) => String(input).includes('/api/v1/tasks'))![0]),
      'http://localhost',
    );
    expect(asked.searchParams.get('status')).toBe('OPEN');
    expect(asked.searchParams.get('mine')).toBe('false');
  });

  it('marks a task done with a note and dismisses another, then refetches', async () => {
    let open: Task[] = [
      taskOf({ id: 't-1', title: 'Llamar a Ana' }),
      taskOf({ id: 't-2', title: 'Contactar a Bruno', kind: 'CONTACT_LEAD' }),
    ];
    const close =
      (status: 'DONE' | 'DISMISSED') =>
      ({ url }: { url: URL }) => {
        const id = url.pathname.split('/')[4];
        const task = open.find((t) => t.id === id)!;
        open = open.filter((t) => t.id !== id);
        return { ...task, status, doneAt: new Date().toISOString(), doneBy: AGENT.id, doneByName: AGENT.full_name };
      };
    const fetchMock = inboxWith(() => page(open), {
      'POST /api/v1/tasks/t-1/done': close('DONE'),
      'POST /api/v1/tasks/t-2/dismiss': close('DISMISSED'),
    });
    renderPage(<InboxPage />, { path: '/inbox' });

    const first = (await screen.findAllByTestId('task'))[0];
    await userEvent.click(within(first).getByRole('button', { name: 'Nota' }));
    await userEvent.type(within(first).getByLabelText('Nota (opcional)'), 'Le dejé un mensaje de voz');
    await userEvent.click(within(first).getByRole('button', { name: 'Hecha' }));
    await waitFor(() => expect(screen.getAllByTestId('task')).toHaveLength(1));
    expect(posts(fetchMock, '/api/v1/tasks/t-1/done')).toEqual([{ note: 'Le dejé un mensaje de voz' }]);

    await userEvent.click(within(screen.getByTestId('task')).getByRole('button', { name: 'Descartar' }));
    expect(await screen.findByText('No hay tareas abiertas.')).toBeInTheDocument();
    expect(posts(fetchMock, '/api/v1/tasks/t-2/dismiss')).toEqual([{}]);
  });

  it('asks for the viewer’s own tasks only when told', async () => {
    const fetchMock = inboxWith(({ url }: { url: URL }) =>
      url.searchParams.get('mine') === 'true' ? page([]) : page([taskOf()]),
    );
    renderPage(<InboxPage />, { path: '/inbox' });
    expect(await screen.findByTestId('task')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Solo las mías' }));
    expect(await screen.findByText('No tienes tareas abiertas.')).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([input]) => String(input).includes('mine=true'))).toBe(true);
  });

  it('approves a call by placing it, then marks the task done', async () => {
    const fetchMock = inboxWith(
      page([taskOf({ id: 't-9', leadId: 'l-9', kind: 'APPROVE_CALL', title: 'Aprobar la llamada a +56 9 8765 4321' })]),
      {
        'POST /api/v1/leads/l-9/call': { workflowId: 'w', stage: 'POTENTIAL', humanMode: false },
        'POST /api/v1/tasks/t-9/done': taskOf({ id: 't-9', status: 'DONE' }),
      },
    );
    renderPage(<InboxPage />, { path: '/inbox' });
    await userEvent.click(await screen.findByRole('button', { name: 'Llamar ahora' }));
    await waitFor(() => expect(posts(fetchMock, '/api/v1/tasks/t-9/done')).toHaveLength(1));
    expect(posts(fetchMock, '/api/v1/leads/l-9/call')).toHaveLength(1);
  });

  it('shows a refusal, and a refused call leaves the task open', async () => {
    const refusal = (detail: string) =>
      new Response(JSON.stringify({ status: 409, title: 'Conflict', detail }), {
        status: 409,
        headers: { 'Content-Type': 'application/problem+json' },
      });
    const fetchMock = inboxWith(
      page([taskOf({ id: 't-1' }), taskOf({ id: 't-9', leadId: 'l-9', kind: 'APPROVE_CALL' })]),
      {
        'POST /api/v1/tasks/t-1/done': () => refusal('Task t-1 is already DISMISSED'),
        'POST /api/v1/leads/l-9/call': () => refusal('the lead opted out'),
      },
    );
    renderPage(<InboxPage />, { path: '/inbox' });
    const rows = await screen.findAllByTestId('task');
    await userEvent.click(within(rows[0]).getByRole('button', { name: 'Hecha' }));
    expect(await within(rows[0]).findByRole('alert')).toHaveTextContent('Task t-1 is already DISMISSED');
    await userEvent.click(within(rows[1]).getByRole('button', { name: 'Llamar ahora' }));
    expect(await within(rows[1]).findByRole('alert')).toHaveTextContent('the lead opted out');
    expect(posts(fetchMock, '/api/v1/tasks/t-9/done')).toHaveLength(0);
  });

  it('shows a hostile title and lead name as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    inboxWith(page([taskOf({ leadName: hostile, title: hostile, detail: hostile })]));
    const { container } = renderPage(<InboxPage />, { path: '/inbox' });
    expect(await screen.findByRole('link', { name: hostile })).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });
});
