import type { Stage } from '../../ui/Badges';
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ADMIN, AGENT, renderPage, stubApi } from '../../test/render';
import LeadDetailPage from './LeadDetailPage';
import { leadDetail, leadView } from '../testData';
import type { ChatMessage } from '../../conversations/types';

vi.setConfig({ testTimeout: 20_000 });

const ID = '00000000-0000-0000-0000-000000000001';
const BASE = `/api/v1/leads/${ID}`;

const messages: ChatMessage[] = [
  {
    id: 'm1',
    direction: 'INBOUND',
    author: 'LEAD',
    authorUserId: null,
    body: 'hola, busco depto en Ñuñoa',
    at: '2026-11-29T12:00:00Z',
  },
  {
    id: 'm2',
    direction: 'OUTBOUND',
    author: 'AI',
    authorUserId: null,
    body: '¡Hola! Soy Sofía. ¿Cuántos dormitorios?',
    at: '2026-11-29T12:00:05Z',
  },
  {
    id: 'm3',
    direction: 'OUTBOUND',
    author: 'SYSTEM',
    authorUserId: null,
    body: 'Ana Agente tomó la conversación',
    at: '2026-11-29T12:01:00Z',
  },
  {
    id: 'm4',
    direction: 'OUTBOUND',
    author: 'HUMAN',
    authorUserId: 'u-admin',
    body: 'Hola, soy Ana',
    at: '2026-11-29T12:02:00Z',
  },
];

function problem(status: number, detail: string) {
  return new Response(JSON.stringify({ status, title: 'Conflict', detail }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

/** The routes every detail render reads, with `overrides`. */
function routes(overrides: Record<string, unknown> = {}) {
  return {
    [`GET ${BASE}`]: leadDetail(),
    [`GET ${BASE}/messages`]: messages,
    [`GET ${BASE}/stage-history`]: [
      { from: null, to: 'NEW', reason: 'primer mensaje', actor: 'ai', at: '2026-11-29T12:00:00Z' },
      { from: 'NEW', to: 'PROFILING', reason: 'respondió', actor: 'ai', at: '2026-11-29T12:00:05Z' },
    ],
    'GET /api/v1/calls': { items: [], total: 0, limit: 50, offset: 0 },
    'GET /api/v1/tasks': { items: [], total: 0, limit: 100, offset: 0 },
    'GET /api/v1/appointments': [],
    'GET /api/v1/dashboard/config': { temporalUiUrl: null, temporalNamespace: 'default' },
    'GET /api/v1/users': [],
    ...overrides,
  };
}

const render = () => renderPage(<LeadDetailPage />, { path: `/leads/${ID}`, route: '/leads/:id' });

function posts(fetchMock: ReturnType<typeof stubApi>, path: string) {
  return fetchMock.mock.calls.filter(
    ([input, init]) =>
      new URL(String(input), 'http://localhost').pathname === path && (init?.method ?? 'GET') !== 'GET',
  );
}

describe('LeadDetailPage', () => {
  it('shows the lead, its stage and the conversation with the e2e selectors', async () => {
    stubApi(routes());
    render();
    const detail = await screen.findByTestId('lead-detail');
    expect(await within(detail).findByRole('heading', { level: 1, name: 'Ana Pérez' })).toBeInTheDocument();
    expect(screen.getByTestId('lead-stage')).toHaveTextContent('Perfilando');

    const conversation = await screen.findByTestId('conversation');
    const items = within(conversation).getAllByTestId('message');
    expect(items.map((m) => [m.dataset.direction, m.dataset.author])).toEqual([
      ['inbound', 'lead'],
      ['outbound', 'ai'],
      ['outbound', 'human'],
    ]);
    expect(items[0]).toHaveTextContent('hola, busco depto en Ñuñoa');
    // a system note is shown, but is not a message to or from the lead
    expect(within(conversation).getByTestId('system-note')).toHaveTextContent('Ana Agente tomó la conversación');
    // and the lead's tasks for humans, none here
    expect(await screen.findByTestId('lead-tasks')).toHaveTextContent('Sin tareas para este lead.');
  });

  it('shows the score with its components and the qualification fields', async () => {
    stubApi(routes());
    render();
    const score = await screen.findByTestId('lead-score');
    expect(within(score).getByTestId('score-total')).toHaveTextContent('42');
    expect(within(score).getByTestId('score-profile')).toHaveTextContent('25');
    expect(within(score).getByTestId('score-engagement')).toHaveTextContent('12');
    expect(within(score).getByTestId('score-financial')).toHaveTextContent('10');
    expect(within(score).getByTestId('score-penalties')).toHaveTextContent('−5');
    const profile = screen.getByTestId('lead-profile');
    expect(profile).toHaveTextContent('Ñuñoa');
    expect(profile).toHaveTextContent('Limpio');
    expect(profile).toHaveTextContent(/\$\s?120\.000\.000/);
  });

  it('takes over, then writes as a human: the composer appears only in human mode', async () => {
    let human = false;
    let sent: unknown;
    const fetchMock = stubApi(
      routes({
        [`GET ${BASE}`]: () =>
          leadDetail({ humanMode: human }, { humanMode: human, humanUserId: human ? ADMIN.id : null }),
        [`POST ${BASE}/takeover`]: () => {
          human = true;
          return leadView({ humanMode: true, humanUserId: ADMIN.id, humanSince: new Date().toISOString() });
        },
        [`POST ${BASE}/messages`]: ({ body }: { body: unknown }) => {
          sent = body;
          return leadView({ humanMode: true, humanUserId: ADMIN.id });
        },
      }),
    );
    render();
    await screen.findByTestId('lead-detail');
    expect(screen.queryByLabelText('Mensaje')).toBeNull();
    expect(screen.queryByTestId('human-mode')).toBeNull();

    await userEvent.click(await screen.findByRole('button', { name: 'Tomar control' }));
    expect(await screen.findByTestId('human-mode')).toHaveTextContent('Tomaste esta conversación');
    expect(posts(fetchMock, `${BASE}/takeover`)).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Devolver a la IA' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tomar control' })).toBeNull();

    await userEvent.type(screen.getByLabelText('Mensaje'), 'Hola, te escribo yo');
    await userEvent.click(screen.getByRole('button', { name: 'Enviar' }));
    await waitFor(() => expect(sent).toEqual({ text: 'Hola, te escribo yo' }));
    await waitFor(() => expect(screen.getByLabelText('Mensaje')).toHaveValue(''));
  });

  it('gives the lead back to the AI', async () => {
    let human = true;
    const fetchMock = stubApi(
      routes({
        [`GET ${BASE}`]: () =>
          leadDetail({ humanMode: human }, { humanMode: human, humanUserId: human ? ADMIN.id : null }),
        [`POST ${BASE}/release`]: () => {
          human = false;
          return leadView({ humanMode: false });
        },
      }),
    );
    render();
    await userEvent.click(await screen.findByRole('button', { name: 'Devolver a la IA' }));
    await waitFor(() => expect(posts(fetchMock, `${BASE}/release`)).toHaveLength(1));
    await waitFor(() => expect(screen.queryByTestId('human-mode')).toBeNull());
  });

  it('shows the workflow’s refusal (409) with its reason', async () => {
    const fetchMock = stubApi(routes({ [`POST ${BASE}/call`]: () => problem(409, 'the lead has no phone number') }));
    render();
    await userEvent.click(await screen.findByRole('button', { name: 'Llamar ahora' }));
    expect(await screen.findByTestId('action-error')).toHaveTextContent('the lead has no phone number');
    expect(posts(fetchMock, `${BASE}/call`)).toHaveLength(1);
  });

  it('keeps the message when sending is refused, and says why', async () => {
    stubApi(
      routes({
        [`GET ${BASE}`]: leadDetail({ humanMode: true }, { humanMode: true, humanUserId: ADMIN.id }),
        [`POST ${BASE}/messages`]: () => problem(409, 'the lead opted out: nothing may be sent to it'),
      }),
    );
    render();
    await userEvent.type(await screen.findByLabelText('Mensaje'), 'hola{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('the lead opted out: nothing may be sent to it');
    expect(screen.getByLabelText('Mensaje')).toHaveValue('hola');
  });

  it('shows a failed step with its error and retries it', async () => {
    let failed = true;
    const fetchMock = stubApi(
      routes({
        [`GET ${BASE}`]: () =>
          leadDetail(
            { needsAttention: failed },
            {
              needsAttention: failed,
              failedStep: failed
                ? { step: 'send reply', error: 'Telegram answered 502 Bad Gateway', at: '2026-11-29T12:05:00Z' }
                : null,
            },
          ),
        [`POST ${BASE}/retry`]: () => {
          failed = false;
          return leadView();
        },
      }),
    );
    render();
    const panel = await screen.findByTestId('failed-step');
    expect(panel).toHaveTextContent('send reply');
    expect(panel).toHaveTextContent('Telegram answered 502 Bad Gateway');
    await userEvent.click(within(panel).getByRole('button', { name: 'Reintentar' }));
    await waitFor(() => expect(screen.queryByTestId('failed-step')).toBeNull());
    expect(posts(fetchMock, `${BASE}/retry`)).toHaveLength(1);
  });

  it('marks the lead as lost only with a reason', async () => {
    let body: unknown;
    let stage: Stage = 'PROFILING';
    stubApi(
      routes({
        [`GET ${BASE}`]: () => leadDetail({ stage }, { stage }),
        [`POST ${BASE}/stage`]: ({ body: b }: { body: unknown }) => {
          body = b;
          stage = 'LOST';
          return leadView({ stage: 'LOST' });
        },
      }),
    );
    render();
    await userEvent.click(await screen.findByRole('button', { name: 'Perdido' }));
    const dialog = screen.getByRole('dialog', { name: 'Marcar como perdido' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Perdido' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Ganado y perdido necesitan un motivo.');
    expect(body).toBeUndefined();

    await userEvent.type(within(dialog).getByLabelText('Motivo'), 'compró con otra corredora');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Perdido' }));
    await waitFor(() => expect(body).toEqual({ stage: 'LOST', reason: 'compró con otra corredora' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(screen.getByTestId('lead-stage')).toHaveTextContent('Perdido'));
  });

  it('books a visit in a free slot and shows a 422 refusal', async () => {
    let body: unknown;
    stubApi(
      routes({
        [`GET ${BASE}/slots`]: {
          timeZone: 'America/Santiago',
          slots: [
            { start: '2026-12-02T13:00:00Z', end: '2026-12-02T14:00:00Z' },
            { start: '2026-12-02T14:00:00Z', end: '2026-12-02T15:00:00Z' },
          ],
        },
        [`POST ${BASE}/appointments`]: ({ body: b }: { body: unknown }) => {
          body = b;
          return problem(422, 'the slot is not offered by the calendar');
        },
      }),
    );
    render();
    await userEvent.click(await screen.findByRole('button', { name: 'Agendar visita' }));
    const dialog = screen.getByRole('dialog', { name: 'Agendar visita' });
    // 14:00 UTC is 11:00 in Santiago (UTC-3 in December)
    await userEvent.click(await within(dialog).findByLabelText(/11:00/));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Agendar' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('the slot is not offered by the calendar');
    expect(body).toEqual({ slotStart: '2026-12-02T14:00:00Z' });
  });

  it('offers a lost lead a visit, saying that booking reopens it, and an opted-out lead none', async () => {
    stubApi(
      routes({
        [`GET ${BASE}`]: leadDetail({ stage: 'LOST' }, { stage: 'LOST' }),
        [`GET ${BASE}/slots`]: { timeZone: 'America/Santiago', slots: [] },
      }),
    );
    const { unmount } = render();
    await userEvent.click(await screen.findByRole('button', { name: 'Agendar visita' }));
    expect(screen.getByRole('dialog', { name: 'Agendar visita' })).toHaveTextContent('agendar la visita lo reabre');
    unmount();

    stubApi(
      routes({ [`GET ${BASE}`]: leadDetail({ stage: 'LOST', optedOut: true }, { stage: 'LOST', optedOut: true }) }),
    );
    render();
    await screen.findByTestId('lead-visits');
    expect(screen.queryByRole('button', { name: 'Agendar visita' })).toBeNull();
  });

  it('cancels the booked visit', async () => {
    const fetchMock = stubApi(
      routes({
        [`GET ${BASE}`]: leadDetail(
          { stage: 'SCHEDULED' },
          {
            stage: 'SCHEDULED',
            appointment: {
              id: 'a-1',
              start: '2099-12-02T13:00:00Z',
              end: '2099-12-02T14:00:00Z',
              status: 'BOOKED',
              reminded24h: false,
              reminded1h: false,
              followedUp: false,
            },
          },
        ),
        'GET /api/v1/appointments': [
          {
            id: 'a-1',
            leadId: ID,
            leadName: 'Ana',
            workflowId: 'w',
            slotStart: '2099-12-02T13:00:00Z',
            slotEnd: '2099-12-02T14:00:00Z',
            status: 'BOOKED',
            notes: null,
            createdAt: '2026-11-29T12:00:00Z',
            cancelledAt: null,
            cancelReason: null,
          },
        ],
        [`DELETE ${BASE}/appointments/a-1`]: leadView({ stage: 'SCHEDULED' }),
      }),
    );
    render();
    const visits = await screen.findByTestId('lead-visits');
    await userEvent.click(await within(visits).findByRole('button', { name: 'Cancelar visita' }));
    const dialog = screen.getByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancelar visita' }));
    await waitFor(() => expect(posts(fetchMock, `${BASE}/appointments/a-1`)).toHaveLength(1));
    expect(screen.queryByRole('button', { name: 'Agendar visita' })).toBeNull();
  });

  it('lets an admin assign the lead, and not an agent', async () => {
    let body: unknown;
    stubApi(
      routes({
        'GET /api/v1/users': [
          { id: 'u-2', brokerId: 'b-1', email: 'beto@x.cl', fullName: 'Beto', role: 'AGENT', active: true },
          { id: 'u-3', brokerId: 'b-9', email: 'otro@x.cl', fullName: 'Otro', role: 'AGENT', active: true },
        ],
        [`POST ${BASE}/assign`]: ({ body: b }: { body: unknown }) => {
          body = b;
          return { leadId: ID, agentId: 'u-2' };
        },
      }),
      ADMIN,
    );
    render();
    await userEvent.click(await screen.findByRole('button', { name: 'Asignar' }));
    const dialog = screen.getByRole('dialog', { name: 'Asignar lead' });
    const select = within(dialog).getByLabelText('Agente');
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2)); // "choose" + Beto; Otro is another broker's
    await userEvent.selectOptions(select, 'u-2');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Asignar' }));
    await waitFor(() => expect(body).toEqual({ agentId: 'u-2' }));
  });

  it('hides assigning from an agent', async () => {
    stubApi(routes(), AGENT);
    render();
    await screen.findByRole('button', { name: 'Llamar ahora' });
    expect(screen.queryByRole('button', { name: 'Asignar' })).toBeNull();
  });

  it('links to the run in the Temporal Web UI when it is configured', async () => {
    stubApi(
      routes({ 'GET /api/v1/dashboard/config': { temporalUiUrl: 'http://localhost:8080', temporalNamespace: 'inmo' } }),
    );
    render();
    const link = await screen.findByTestId('temporal-link');
    expect(link).toHaveAttribute('href', 'http://localhost:8080/namespaces/inmo/workflows/lead-demo-webchat-s1');
    expect(link).toHaveAttribute('rel', expect.stringContaining('noopener'));
  });

  it('has no Temporal link when the address is not configured', async () => {
    stubApi(routes());
    render();
    await screen.findByTestId('lead-workflow');
    await screen.findByText('Etapas');
    expect(screen.queryByTestId('temporal-link')).toBeNull();
  });

  it('shows the stage history and the workflow’s scheduled action and pending call retries', async () => {
    stubApi(
      routes({
        [`GET ${BASE}`]: leadDetail(
          {},
          {
            nextAction: { kind: 'FOLLOW_UP', at: new Date(Date.now() + 10 * 60_000).toISOString() },
            callAttempts: 2,
            lastCallStatus: 'NO_ANSWER',
            nextCallAt: new Date(Date.now() + 3_600_000).toISOString(),
          },
        ),
      }),
    );
    render();
    const history = await screen.findByTestId('stage-history');
    expect(within(history).getAllByRole('listitem')).toHaveLength(2);
    expect(history).toHaveTextContent('respondió');
    expect(screen.getByTestId('next-action')).toHaveTextContent(/Seguimiento\s*en (9:5\d|10:00)/);
    const retries = screen.getByTestId('pending-retries');
    expect(within(retries).getByTestId('call-attempts')).toHaveTextContent('2');
    expect(retries).toHaveTextContent('Sin respuesta');
  });

  it('shows calls with summary, transcript and only a safe recording address', async () => {
    stubApi(
      routes({
        'GET /api/v1/calls': {
          items: [
            {
              id: 'c1',
              leadId: ID,
              leadName: 'Ana',
              attempt: 1,
              provider: 'simulated',
              providerCallId: 'p1',
              status: 'COMPLETED',
              endedReason: 'customer-ended-call',
              durationSeconds: 95,
              summary: 'Busca 2 dormitorios',
              transcript: 'IA: Hola\nLead: Hola',
              recordingUrl: 'https://rec.example/c1.mp3',
              startedAt: '2026-11-29T12:10:00Z',
              endedAt: '2026-11-29T12:11:35Z',
              createdAt: '2026-11-29T12:10:00Z',
            },
            {
              id: 'c2',
              leadId: ID,
              leadName: 'Ana',
              attempt: 2,
              provider: 'simulated',
              providerCallId: 'p2',
              status: 'NO_ANSWER',
              endedReason: null,
              durationSeconds: 0,
              summary: null,
              transcript: null,
              recordingUrl: 'javascript:alert(1)',
              startedAt: null,
              endedAt: null,
              createdAt: '2026-11-29T13:10:00Z',
            },
          ],
          total: 2,
          limit: 50,
          offset: 0,
        },
      }),
    );
    render();
    const calls = await screen.findAllByTestId('call');
    expect(calls[0]).toHaveTextContent('Busca 2 dormitorios');
    expect(calls[0]).toHaveTextContent('1:35');
    expect(within(calls[0]).getByText('Transcripción')).toBeInTheDocument();
    expect(calls[0].querySelector('audio')).toHaveAttribute('src', 'https://rec.example/c1.mp3');
    expect(calls[1]).toHaveTextContent('Sin respuesta');
    expect(calls[1].querySelector('audio')).toBeNull();
    expect(within(calls[1]).queryByRole('link')).toBeNull();
  });

  it('renders a hostile name and message as text, never as markup', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    stubApi(
      routes({
        [`GET ${BASE}`]: leadDetail({ name: hostile }, { fields: { ...leadView().fields!, name: hostile } }),
        [`GET ${BASE}/messages`]: [
          {
            id: 'x1',
            direction: 'INBOUND',
            author: 'LEAD',
            authorUserId: null,
            body: `<b>hola</b>${hostile}`,
            at: '2026-11-29T12:00:00Z',
          },
        ],
      }),
    );
    const { container } = render();
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(hostile);
    const message = await screen.findByTestId('message');
    expect(message).toHaveTextContent(`<b>hola</b>${hostile}`);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it('says "not found" for a lead the user may not see (the api answers 404)', async () => {
    stubApi({ [`GET ${BASE}`]: () => problem(404, 'No lead') }, AGENT);
    render();
    expect(await screen.findByText('No encontrado')).toBeInTheDocument();
    expect(screen.getByTestId('lead-error')).toHaveTextContent('no tienes acceso');
    expect(screen.queryByTestId('lead-detail')).toBeNull();
  });

  it('still shows the read model when the workflow did not answer', async () => {
    stubApi(routes({ [`GET ${BASE}`]: leadDetail({ stage: 'POTENTIAL', humanMode: true }, null) }));
    render();
    expect(await screen.findByTestId('no-live')).toBeInTheDocument();
    expect(screen.getByTestId('lead-stage')).toHaveTextContent('Potencial');
    expect(screen.getByTestId('human-mode')).toBeInTheDocument();
  });
});
