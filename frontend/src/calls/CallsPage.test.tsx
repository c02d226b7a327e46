import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage, stubApi } from '../test/render';
import CallsPage, { type CallPage, type CallRow } from './CallsPage';

function call(id: string, status: string, extra: Partial<CallRow> = {}): CallRow {
  return {
    id,
    brokerSlug: 'demo',
    leadId: `lead-${id}`,
    leadName: `Lead ${id}`,
    assignedAgentId: null,
    workflowId: 'wf',
    callWorkflowId: `call-${id}`,
    attempt: 1,
    provider: 'simulated',
    providerCallId: `p-${id}`,
    status,
    endedReason: null,
    durationSeconds: 0,
    summary: null,
    transcript: null,
    recordingUrl: null,
    startedAt: '2026-03-02T13:05:00Z',
    endedAt: null,
    createdAt: '2026-03-02T13:05:00Z',
    ...extra,
  };
}

const CALLS = [
  call('c1', 'COMPLETED', {
    durationSeconds: 185,
    summary: 'Busca depto de 2 dormitorios en Ñuñoa.',
    transcript: 'IA: Hola, habla Sofía.\nLead: <script>alert(1)</script> hola',
    recordingUrl: 'https://rec.example/c1.mp3',
  }),
  call('c2', 'NO_ANSWER', { attempt: 2 }),
  call('c3', 'BUSY'),
  call('c4', 'VOICEMAIL', { durationSeconds: 31, recordingUrl: 'javascript:alert(1)' }),
  call('c5', 'FAILED', { endedReason: 'provider 503' }),
  call('c6', 'CANCELED'),
];

function callsHandler({ url }: { url: URL }): CallPage {
  const statuses = url.searchParams.getAll('status');
  const limit = Number(url.searchParams.get('limit') ?? 50);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  const matches = CALLS.filter((c) => !statuses.length || statuses.includes(c.status));
  return { items: matches.slice(offset, offset + limit), total: matches.length, limit, offset };
}

const rows = () => screen.queryAllByTestId('call-row');

describe('CallsPage', { timeout: 20_000 }, () => {
  it('lists calls with outcome, duration, attempt and a link to the lead', async () => {
    stubApi({ 'GET /api/v1/calls': callsHandler, 'GET /api/v1/users': [] });
    renderPage(<CallsPage />, { path: '/calls' });
    await waitFor(() => expect(rows()).toHaveLength(6));
    const first = rows()[0];
    expect(first).toHaveAttribute('data-status', 'COMPLETED');
    expect(within(first).getByText('Completada')).toBeInTheDocument();
    expect(within(first).getByText('3:05')).toBeInTheDocument();
    expect(within(first).getByRole('link', { name: 'Lead c1' })).toHaveAttribute('href', '/leads/lead-c1');
    // in the broker's time (Santiago, UTC-3 in March), once its settings arrive
    await waitFor(() => expect(within(rows()[0]).getAllByRole('cell')[0]).toHaveTextContent(/^02-mar, 10:05/));
    expect(rows().map((r) => within(r).getAllByRole('cell')[2].textContent)).toEqual([
      'Completada',
      'Sin respuesta',
      'Ocupado',
      'Buzón de voz',
      'Fallida',
      'Cancelada',
    ]);
    expect(within(rows()[1]).getByText('n.º 2')).toBeInTheDocument();
  });

  it('filters by outcome, several at once, and back to all', async () => {
    const fetchMock = stubApi({ 'GET /api/v1/calls': callsHandler, 'GET /api/v1/users': [] });
    renderPage(<CallsPage />, { path: '/calls' });
    const user = userEvent.setup();
    await waitFor(() => expect(rows()).toHaveLength(6));
    const filters = screen.getByRole('group', { name: 'Resultado' });

    await user.click(within(filters).getByRole('button', { name: 'Sin respuesta' }));
    await waitFor(() => expect(rows().map((r) => r.getAttribute('data-status'))).toEqual(['NO_ANSWER']));
    await user.click(within(filters).getByRole('button', { name: 'Ocupado' }));
    await waitFor(() => expect(rows().map((r) => r.getAttribute('data-status'))).toEqual(['NO_ANSWER', 'BUSY']));
    expect(within(filters).getByRole('button', { name: 'Ocupado' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(filters).getByRole('button', { name: 'Todos' })).toHaveAttribute('aria-pressed', 'false');
    const last = new URL(
      String(fetchMock.mock.calls.filter(([u]) => String(u).startsWith('/api/v1/calls')).at(-1)![0]),
      'http://x',
    );
    expect(last.searchParams.getAll('status')).toEqual(['NO_ANSWER', 'BUSY']);

    await user.click(within(filters).getByRole('button', { name: 'Sin respuesta' }));
    await waitFor(() => expect(rows().map((r) => r.getAttribute('data-status'))).toEqual(['BUSY']));
    await user.click(within(filters).getByRole('button', { name: 'Todos' }));
    await waitFor(() => expect(rows()).toHaveLength(6));
  });

  it('says when no call has the chosen outcome', async () => {
    stubApi({ 'GET /api/v1/calls': callsHandler, 'GET /api/v1/users': [] });
    renderPage(<CallsPage />, { path: '/calls?status=IN_PROGRESS' });
    expect(await screen.findByText('No hay llamadas con estos resultados.')).toBeInTheDocument();
    expect(rows()).toHaveLength(0);
  });

  it('opens the summary, the transcript as text and the recording', async () => {
    stubApi({ 'GET /api/v1/calls': callsHandler, 'GET /api/v1/users': [] });
    renderPage(<CallsPage />, { path: '/calls' });
    const user = userEvent.setup();
    const toggle = await screen.findByRole('button', { name: 'Ver detalle de la llamada a Lead c1' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const details = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(within(details).getByText('Busca depto de 2 dormitorios en Ñuñoa.')).toBeInTheDocument();
    const transcript = details.querySelector('pre')!;
    expect(transcript.textContent).toBe('IA: Hola, habla Sofía.\nLead: <script>alert(1)</script> hola');
    expect(details.querySelector('script')).toBeNull();
    expect(details.querySelector('audio')).toHaveAttribute('src', 'https://rec.example/c1.mp3');

    // a recording address that is not a web address is not linked
    await user.click(screen.getByRole('button', { name: 'Ver detalle de la llamada a Lead c4' }));
    const voicemail = document.getElementById('call-c4')!;
    expect(within(voicemail).getByText('Sin grabación.')).toBeInTheDocument();
    expect(voicemail.querySelector('audio, a[href^="javascript"]')).toBeNull();

    await user.click(toggle);
    expect(screen.queryByText('Busca depto de 2 dormitorios en Ñuñoa.')).toBeNull();
  });

  it('pages through many calls', async () => {
    const many = Array.from({ length: 30 }, (_, i) => call(`m${i}`, 'COMPLETED'));
    const fetchMock = stubApi({
      'GET /api/v1/calls': ({ url }: { url: URL }) => {
        const offset = Number(url.searchParams.get('offset') ?? 0);
        return { items: many.slice(offset, offset + 25), total: 30, limit: 25, offset };
      },
      'GET /api/v1/users': [],
    });
    renderPage(<CallsPage />, { path: '/calls' });
    const user = userEvent.setup();
    await waitFor(() => expect(rows()).toHaveLength(25));
    expect(screen.getByText('1–25 de 30')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Siguiente' }));
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(screen.getByText('26–30 de 30')).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([u]) => String(u).includes('offset=25'))).toBe(true);
  });
});
