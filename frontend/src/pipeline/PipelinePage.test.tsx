import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage, stubApi } from '../test/render';
import { invalidationsFor } from '../live/invalidations';
import PipelinePage from './PipelinePage';
import type { LeadRow } from './api';
import { leadListHandler, leadRow } from './testLeads';

const ANA = 'a0000000-0000-4000-8000-000000000001';
const BRUNO = 'a0000000-0000-4000-8000-000000000002';
const CARLA = 'a0000000-0000-4000-8000-000000000003';

function board(): LeadRow[] {
  return [
    leadRow({ id: ANA, name: 'Ana Pérez', stage: 'NEW', score: 12, status: 'COLD', channel: 'WEBCHAT' }),
    leadRow({
      id: BRUNO,
      name: 'Bruno Díaz',
      stage: 'POTENTIAL',
      score: 64,
      status: 'HOT',
      nextAction: 'FOLLOW_UP',
      nextActionAt: new Date(Date.now() + 3_600_000).toISOString(),
    }),
    leadRow({
      id: CARLA,
      name: '<img src=x onerror=alert(1)>',
      stage: 'SCHEDULED',
      score: 80,
      status: 'QUALIFIED',
      humanMode: true,
    }),
  ];
}

function column(stage: string) {
  return screen.getByTestId(`kanban-column-${stage}`);
}

function cardsIn(stage: string) {
  return within(column(stage))
    .queryAllByTestId('lead-card')
    .map((card) => card.getAttribute('data-lead-id'));
}

function stageRoutes(
  leads: { current: LeadRow[] },
  move: (body: { stage: string; reason?: string }, id: string) => unknown,
) {
  return {
    'GET /api/v1/leads': leadListHandler(() => leads.current),
    'GET /api/v1/users': [],
    ...Object.fromEntries(
      [ANA, BRUNO, CARLA].map((id) => [
        `POST /api/v1/leads/${id}/stage`,
        ({ body }: { body: unknown }) => move(body as { stage: string; reason?: string }, id),
      ]),
    ),
  };
}

describe('PipelinePage', { timeout: 20_000 }, () => {
  it('groups the leads by stage, one column per stage, names shown as text', async () => {
    const leads = { current: board() };
    stubApi(stageRoutes(leads, () => ({})));
    renderPage(<PipelinePage />, { path: '/pipeline' });

    await waitFor(() => expect(cardsIn('NEW')).toEqual([ANA]));
    expect(cardsIn('POTENTIAL')).toEqual([BRUNO]);
    expect(cardsIn('SCHEDULED')).toEqual([CARLA]);
    for (const stage of ['PROFILING', 'FINANCIAL_QUALIFICATION', 'WON', 'LOST']) expect(cardsIn(stage)).toEqual([]);
    expect(within(column('WON')).getByText('Sin leads en esta etapa.')).toBeInTheDocument();

    const bruno = within(column('POTENTIAL')).getByTestId('lead-card');
    expect(within(bruno).getByRole('link', { name: 'Bruno Díaz' })).toHaveAttribute('href', `/leads/${BRUNO}`);
    expect(within(bruno).getByText('Caliente')).toBeInTheDocument();
    expect(within(bruno).getByText(/Próxima acción: seguimiento/)).toBeInTheDocument();
    // the hostile name is text, not an element
    const carla = within(column('SCHEDULED')).getByTestId('lead-card');
    expect(within(carla).getByRole('link', { name: '<img src=x onerror=alert(1)>' })).toBeInTheDocument();
    expect(carla.querySelector('img')).toBeNull();
  });

  it('moves a card forward through the keyboard menu, without asking a reason', async () => {
    const leads = { current: board() };
    const moves: unknown[] = [];
    const fetchMock = stubApi(
      stageRoutes(leads, (body, id) => {
        moves.push({ id, ...body });
        leads.current = leads.current.map((l) => (l.id === id ? { ...l, stage: body.stage as LeadRow['stage'] } : l));
        return {};
      }),
    );
    renderPage(<PipelinePage />, { path: '/pipeline' });
    const user = userEvent.setup();

    const menuButton = await screen.findByRole('button', { name: 'Mover a Ana Pérez a otra etapa' });
    menuButton.focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Perfilando', 'Calificación financiera', 'Potencial', 'Visita agendada', 'Ganado', 'Perdido']);
    expect(within(menu).getByRole('menuitem', { name: 'Perfilando' })).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(within(menu).getByRole('menuitem', { name: 'Potencial' })).toHaveFocus();
    await user.keyboard('{Enter}');

    await waitFor(() => expect(moves).toEqual([{ id: ANA, stage: 'POTENTIAL' }]));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(cardsIn('POTENTIAL')).toContain(ANA));
    expect(cardsIn('NEW')).toEqual([]);
    // the keyboard stays with the card in its new column
    await waitFor(() =>
      expect(within(column('POTENTIAL')).getByRole('button', { name: 'Mover a Ana Pérez a otra etapa' })).toHaveFocus(),
    );
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(String(post?.[0])).toBe(`/api/v1/leads/${ANA}/stage`);
  });

  it('asks a reason before marking a lead lost and sends it with the move', async () => {
    const leads = { current: board() };
    const moves: unknown[] = [];
    stubApi(
      stageRoutes(leads, (body, id) => {
        moves.push({ id, ...body });
        leads.current = leads.current.map((l) => (l.id === id ? { ...l, stage: body.stage as LeadRow['stage'] } : l));
        return {};
      }),
    );
    renderPage(<PipelinePage />, { path: '/pipeline' });
    const user = userEvent.setup();

    const menuButton = await screen.findByRole('button', { name: 'Mover a Bruno Díaz a otra etapa' });
    menuButton.focus();
    await user.keyboard('{Enter}{End}{Enter}'); // the last stage: Perdido
    const dialog = await screen.findByRole('dialog', { name: 'Mover a Bruno Díaz a Perdido' });
    const reason = within(dialog).getByLabelText('Motivo');
    expect(reason).toHaveFocus();
    // an empty reason is not sent
    await user.click(within(dialog).getByRole('button', { name: 'Mover' }));
    expect(within(dialog).getByText('Escribe un motivo.')).toBeInTheDocument();
    expect(moves).toEqual([]);

    await user.type(reason, 'Compró con otra corredora');
    await user.click(within(dialog).getByRole('button', { name: 'Mover' }));
    await waitFor(() => expect(moves).toEqual([{ id: BRUNO, stage: 'LOST', reason: 'Compró con otra corredora' }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(cardsIn('LOST')).toEqual([BRUNO]));
  });

  it('asks a reason for a move backwards', async () => {
    const leads = { current: board() };
    stubApi(stageRoutes(leads, () => ({})));
    renderPage(<PipelinePage />, { path: '/pipeline' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Mover a Bruno Díaz a otra etapa' }));
    await user.click(screen.getByRole('menuitem', { name: 'Perfilando' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mover a Bruno Díaz a Perfilando' });
    expect(within(dialog).getByText(/hacia atrás requiere un motivo/)).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(cardsIn('POTENTIAL')).toEqual([BRUNO]);
  });

  it('shows the workflow refusal and puts the card back', async () => {
    const leads = { current: board() };
    stubApi(
      stageRoutes(
        leads,
        () =>
          new Response(
            JSON.stringify({
              status: 409,
              title: 'Conflict',
              detail: 'the lead has opted out: it cannot be scheduled',
            }),
            { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
          ),
      ),
    );
    renderPage(<PipelinePage />, { path: '/pipeline' });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Mover a Ana Pérez a otra etapa' }));
    await user.click(screen.getByRole('menuitem', { name: 'Visita agendada' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'No se pudo mover a Ana Pérez a Visita agendada: the lead has opted out: it cannot be scheduled',
    );
    expect(cardsIn('NEW')).toEqual([ANA]);
    expect(cardsIn('SCHEDULED')).toEqual([CARLA]);
  });

  it('shows a refusal inside the reason dialog, which stays open', async () => {
    const leads = { current: board() };
    stubApi(
      stageRoutes(
        leads,
        () =>
          new Response(JSON.stringify({ status: 422, detail: 'moving to WON needs a reason' }), {
            status: 422,
            headers: { 'Content-Type': 'application/json' },
          }),
      ),
    );
    renderPage(<PipelinePage />, { path: '/pipeline' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Mover a <img src=x onerror=alert(1)> a otra etapa' }));
    await user.click(screen.getByRole('menuitem', { name: 'Ganado' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Motivo'), 'Firmó');
    await user.click(within(dialog).getByRole('button', { name: 'Mover' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('moving to WON needs a reason');
    expect(cardsIn('SCHEDULED')).toEqual([CARLA]);
    expect(cardsIn('WON')).toEqual([]);
  });

  it('moves a card dropped on another column', async () => {
    const leads = { current: board() };
    const moves: unknown[] = [];
    stubApi(
      stageRoutes(leads, (body, id) => {
        moves.push({ id, ...body });
        return {};
      }),
    );
    renderPage(<PipelinePage />, { path: '/pipeline' });
    await waitFor(() => expect(cardsIn('NEW')).toEqual([ANA]));
    const card = within(column('NEW')).getByTestId('lead-card');
    const dataTransfer = { setData: () => undefined, getData: () => ANA, effectAllowed: '', dropEffect: '' };
    fireEvent.dragStart(card, { dataTransfer });
    fireEvent.dragOver(column('PROFILING'), { dataTransfer });
    expect(column('PROFILING')).toHaveClass('drop-over');
    fireEvent.drop(column('PROFILING'), { dataTransfer });
    // shown in its new column at once, before the lists catch up
    expect(cardsIn('PROFILING')).toEqual([ANA]);
    expect(cardsIn('NEW')).toEqual([]);
    await waitFor(() => expect(moves).toEqual([{ id: ANA, stage: 'PROFILING' }]));
  });

  it('moves a card live when a stage_changed event refreshes the lists', async () => {
    const leads = { current: board() };
    stubApi(stageRoutes(leads, () => ({})));
    const { queryClient } = renderPage(<PipelinePage />, { path: '/pipeline' });
    await waitFor(() => expect(cardsIn('POTENTIAL')).toEqual([BRUNO]));

    // the AI books Bruno's visit: the read model changes, then the event arrives
    leads.current = leads.current.map((l) => (l.id === BRUNO ? { ...l, stage: 'SCHEDULED' } : l));
    const keys = invalidationsFor({ type: 'stage_changed', leadId: BRUNO });
    expect(keys).not.toBe('all');
    await act(async () => {
      for (const queryKey of keys as unknown[][]) await queryClient.invalidateQueries({ queryKey });
    });

    await waitFor(() => expect(cardsIn('SCHEDULED')).toEqual(expect.arrayContaining([BRUNO, CARLA])));
    expect(cardsIn('POTENTIAL')).toEqual([]);
    expect(within(column('SCHEDULED')).getByLabelText('2 leads')).toBeInTheDocument();
  });
});
