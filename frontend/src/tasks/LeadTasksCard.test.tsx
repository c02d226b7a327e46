import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, stubApi } from '../test/render';
import { LeadTasksCard } from './LeadTasksCard';
import { page, taskOf } from './testData';
import type { Task } from './types';

vi.setConfig({ testTimeout: 20_000 });

const LEAD = 'l-1';
const NOW = new Date('2026-11-29T15:00:00Z').getTime();
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

describe('LeadTasksCard', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the open tasks to act on and the closed ones with who, when and the note', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const fetchMock = stubApi({
      'GET /api/v1/tasks': page([
        taskOf({ id: 't-3', leadId: LEAD, kind: 'CLOSE_AFTER_VISIT', title: 'Pasar a GANADO o PERDIDO' }),
        taskOf({
          id: 't-2',
          leadId: LEAD,
          kind: 'CALL_LEAD',
          title: 'Llamar a Ana',
          status: 'DONE',
          doneAt: ago(10),
          doneBy: 'u-agent',
          doneByName: 'Ana Agente',
          note: 'Agendamos otra visita',
        }),
        taskOf({
          id: 't-1',
          leadId: LEAD,
          kind: 'APPROVE_CALL',
          title: 'Aprobar la llamada',
          status: 'DISMISSED',
          doneAt: ago(120),
          doneBy: null,
        }),
      ]),
    });
    renderPage(<LeadTasksCard leadId={LEAD} />);

    const card = await screen.findByTestId('lead-tasks');
    const open = await within(card).findAllByTestId('task');
    expect(open).toHaveLength(1);
    expect(open[0]).toHaveTextContent('Pasar a GANADO o PERDIDO');
    // the lead's own page does not link to itself
    expect(within(open[0]).queryByRole('link')).toBeNull();
    const history = within(card).getAllByTestId('closed-task');
    expect(history.map((h) => h.dataset.status)).toEqual(['DONE', 'DISMISSED']);
    expect(history[0]).toHaveTextContent('Hecha por Ana Agente hace 10 minutos');
    expect(history[0]).toHaveTextContent('Agendamos otra visita');
    expect(history[1]).toHaveTextContent('Descartada por el flujo hace 2 horas');
    const asked = new URL(
      String(fetchMock.mock.calls.find(([input]) => String(input).includes('/api/v1/tasks'))![0]),
      'http://localhost',
    );
    expect(asked.searchParams.get('leadId')).toBe(LEAD);
    expect(asked.searchParams.get('status')).toBeNull();
  });

  it('moves a task done from here into the history', async () => {
    let tasks: Task[] = [taskOf({ id: 't-1', leadId: LEAD, title: 'Contactar a Ana', kind: 'CONTACT_LEAD' })];
    stubApi({
      'GET /api/v1/tasks': () => page(tasks),
      'POST /api/v1/tasks/t-1/done': () => {
        tasks = [
          {
            ...tasks[0],
            status: 'DONE',
            doneAt: new Date().toISOString(),
            doneBy: 'u-admin',
            doneByName: 'Alex Admin',
          },
        ];
        return tasks[0];
      },
    });
    renderPage(<LeadTasksCard leadId={LEAD} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Hecha' }));
    await waitFor(() => expect(screen.queryByTestId('task')).toBeNull());
    expect(screen.getByTestId('closed-task')).toHaveTextContent('Hecha por Alex Admin');
  });

  it('says when the lead has no tasks', async () => {
    stubApi({ 'GET /api/v1/tasks': page([]) });
    renderPage(<LeadTasksCard leadId={LEAD} />);
    expect(await screen.findByText('Sin tareas para este lead.')).toBeInTheDocument();
  });
});
