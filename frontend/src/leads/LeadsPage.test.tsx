import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link, useLocation } from 'react-router-dom';
import { ADMIN, AGENT, renderPage, stubApi } from '../test/render';
import LeadsPage from './LeadsPage';
import { leadRow } from './testData';

// a loaded machine runs these user flows slowly; they wait for what they need, not for a fixed time
vi.setConfig({ testTimeout: 20_000 });

function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

const page = (items = [leadRow()], total = items.length) => ({ items, total, limit: 25, offset: 0, nextCursor: null });

/** The query of every `GET /api/v1/leads` the page made. */
function listRequests(fetchMock: ReturnType<typeof stubApi>): URLSearchParams[] {
  return fetchMock.mock.calls
    .map(([input]) => new URL(String(input), 'http://localhost'))
    .filter((url) => url.pathname === '/api/v1/leads')
    .map((url) => url.searchParams);
}

const lastList = (fetchMock: ReturnType<typeof stubApi>) => listRequests(fetchMock).at(-1)!;

describe('LeadsPage', () => {
  it('sends the filters in the URL as the api’s query parameters', async () => {
    const fetchMock = stubApi({ 'GET /api/v1/leads': page(), 'GET /api/v1/users': [] });
    renderPage(<LeadsPage />, {
      path: '/leads?stage=POTENTIAL&status=HOT&human=1&attention=1&q=ana&sort=-score&page=2&agent=none&scoreMin=40',
    });
    await screen.findAllByTestId('lead-row');
    const q = lastList(fetchMock);
    expect(q.getAll('stage')).toEqual(['POTENTIAL']);
    expect(q.get('status')).toBe('HOT');
    expect(q.get('humanMode')).toBe('true');
    expect(q.get('needsAttention')).toBe('true');
    expect(q.get('search')).toBe('ana');
    expect(q.get('sort')).toBe('-score');
    expect(q.get('unassigned')).toBe('true');
    expect(q.get('scoreMin')).toBe('40');
    expect(q.get('limit')).toBe('25');
    expect(q.get('offset')).toBe('25');
    expect(q.has('agentId')).toBe(false);
  });

  it('puts a chosen filter in the URL, asks the api again and goes back to page 1', async () => {
    const fetchMock = stubApi({ 'GET /api/v1/leads': page(), 'GET /api/v1/users': [] });
    renderPage(
      <>
        <LeadsPage />
        <Location />
      </>,
      { path: '/leads?page=3' },
    );
    await screen.findAllByTestId('lead-row');
    expect(lastList(fetchMock).get('offset')).toBe('50');

    await userEvent.selectOptions(screen.getByLabelText('Etapa'), 'NEW');
    await waitFor(() => expect(lastList(fetchMock).getAll('stage')).toEqual(['NEW']));
    expect(lastList(fetchMock).get('offset')).toBe('0');
    expect(screen.getByTestId('location')).toHaveTextContent('/leads?stage=NEW');

    await userEvent.click(screen.getByLabelText('Modo humano'));
    await waitFor(() => expect(lastList(fetchMock).get('humanMode')).toBe('true'));
    expect(screen.getByTestId('location').textContent).toContain('human=1');
  });

  it('searches after the user stops typing', async () => {
    const fetchMock = stubApi({ 'GET /api/v1/leads': page(), 'GET /api/v1/users': [] });
    renderPage(
      <>
        <LeadsPage />
        <Location />
      </>,
      { path: '/leads' },
    );
    await screen.findAllByTestId('lead-row');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Buscar' }), 'pérez');
    await waitFor(() => expect(lastList(fetchMock).get('search')).toBe('pérez'));
    expect(listRequests(fetchMock).filter((q) => q.get('search')?.startsWith('p')).length).toBe(1);
  });

  it('shows the search of the address it is on, when a link changes it too', async () => {
    const fetchMock = stubApi({ 'GET /api/v1/leads': page(), 'GET /api/v1/users': [] });
    renderPage(
      <>
        <LeadsPage />
        <Link to="/leads?q=luis">otra búsqueda</Link>
      </>,
      { path: '/leads?q=ana' },
    );
    await screen.findAllByTestId('lead-row');
    const box = screen.getByRole('searchbox', { name: 'Buscar' });
    expect(box).toHaveValue('ana');

    await userEvent.click(screen.getByRole('link', { name: 'otra búsqueda' }));
    await waitFor(() => expect(box).toHaveValue('luis'));
    await waitFor(() => expect(lastList(fetchMock).get('search')).toBe('luis'));
  });

  it('sorts by a column, then reverses it, and says so to assistive technology', async () => {
    const fetchMock = stubApi({ 'GET /api/v1/leads': page(), 'GET /api/v1/users': [] });
    renderPage(<LeadsPage />, { path: '/leads' });
    await screen.findAllByTestId('lead-row');
    expect(lastList(fetchMock).has('sort')).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: /^Score/ }));
    await waitFor(() => expect(lastList(fetchMock).get('sort')).toBe('-score'));
    expect(screen.getByRole('columnheader', { name: /Score/ })).toHaveAttribute('aria-sort', 'descending');

    await userEvent.click(screen.getByRole('button', { name: /^Score/ }));
    await waitFor(() => expect(lastList(fetchMock).get('sort')).toBe('score'));
    expect(screen.getByRole('columnheader', { name: /Score/ })).toHaveAttribute('aria-sort', 'ascending');
  });

  it('pages with the api’s total', async () => {
    const fetchMock = stubApi({
      'GET /api/v1/leads': ({ url }: { url: URL }) => ({
        ...page([leadRow()], 60),
        offset: Number(url.searchParams.get('offset')),
      }),
      'GET /api/v1/users': [],
    });
    renderPage(<LeadsPage />, { path: '/leads' });
    await screen.findByText(/Página 1 de 3/);
    expect(screen.getByRole('button', { name: 'Anterior' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Siguiente' }));
    await waitFor(() => expect(lastList(fetchMock).get('offset')).toBe('25'));
    await screen.findByText(/Página 2 de 3/);
  });

  it('lists each lead as a row that links to its detail, with agent names for an admin', async () => {
    stubApi(
      {
        'GET /api/v1/leads': page([
          leadRow({ id: 'l-1', name: 'Ana Pérez', assignedAgentId: 'u-2' }),
          leadRow({ id: 'l-2', name: null, humanMode: true }),
        ]),
        'GET /api/v1/users': [
          { id: 'u-2', brokerId: 'b-1', email: 'b@x.cl', fullName: 'Beto Agente', role: 'AGENT', active: true },
        ],
      },
      ADMIN,
    );
    renderPage(<LeadsPage />, { path: '/leads' });
    const rows = await screen.findAllByTestId('lead-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByRole('link', { name: 'Ana Pérez' })).toHaveAttribute('href', '/leads/l-1');
    await within(rows[0]).findByText('Beto Agente');
    expect(within(rows[1]).getByRole('link', { name: 'Sin nombre' })).toHaveAttribute('href', '/leads/l-2');
    expect(within(rows[1]).getByText('Humano')).toBeInTheDocument();
    expect(screen.getByTestId('lead-count')).toHaveTextContent('2 leads');
  });

  it('shows a hostile lead name as text, never as markup', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    stubApi({ 'GET /api/v1/leads': page([leadRow({ name: hostile })]) }, AGENT);
    const { container } = renderPage(<LeadsPage />, { path: '/leads' });
    const row = await screen.findByTestId('lead-row');
    expect(within(row).getByRole('link')).toHaveTextContent(hostile);
    expect(container.querySelector('img')).toBeNull();
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it('hides the agent filter from an agent (they only see their own leads)', async () => {
    stubApi({ 'GET /api/v1/leads': page() }, AGENT);
    renderPage(<LeadsPage />, { path: '/leads' });
    await screen.findAllByTestId('lead-row');
    expect(screen.queryByLabelText('Agente')).toBeNull();
  });

  it('says when no lead matches, and offers to clear the filters', async () => {
    stubApi({ 'GET /api/v1/leads': page([]), 'GET /api/v1/users': [] });
    renderPage(
      <>
        <LeadsPage />
        <Location />
      </>,
      { path: '/leads?stage=WON' },
    );
    await screen.findByText('No hay leads con estos filtros.');
    await userEvent.click(screen.getByRole('button', { name: 'Limpiar filtros' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/leads$/));
  });
});

describe('CSV import', () => {
  it('uploads the file as multipart and reports created, skipped and failed rows', async () => {
    const fetchMock = stubApi({
      'GET /api/v1/leads': page(),
      'GET /api/v1/users': [],
      'POST /api/v1/leads/import': () => ({
        accepted: 3,
        rejected: [
          { row: 5, reason: 'a lead with this phone already exists' },
          { row: 3, reason: 'duplicate email of row 2' },
          { row: 4, reason: 'phone is not a valid phone number' },
        ],
      }),
    });
    renderPage(<LeadsPage />, { path: '/leads' });
    await userEvent.click(await screen.findByRole('button', { name: 'Importar CSV' }));
    const dialog = screen.getByRole('dialog', { name: 'Importar leads desde CSV' });
    const file = new File(['name,phone\nAna,+56911112222\n'], 'leads.csv', { type: 'text/csv' });
    await userEvent.upload(within(dialog).getByLabelText('Archivo CSV'), file);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Importar' }));

    const report = await within(dialog).findByTestId('import-report');
    expect(within(report).getByTestId('import-created')).toHaveTextContent('3');
    expect(within(report).getByTestId('import-skipped')).toHaveTextContent('2');
    expect(within(report).getByTestId('import-errors')).toHaveTextContent('1');
    const rows = within(report).getAllByTestId('import-row');
    expect(rows.map((r) => r.firstChild?.textContent)).toEqual(['3', '4', '5']);
    expect(rows[1]).toHaveTextContent('Error');
    expect(rows[1]).toHaveTextContent('phone is not a valid phone number');

    const call = fetchMock.mock.calls.find(
      ([input, init]) => String(input).includes('/import') && init?.method === 'POST',
    )!;
    const sent = call[1]?.body;
    expect(sent).toBeInstanceOf(FormData);
    expect((sent as FormData).get('file')).toBeInstanceOf(File);
    expect(((sent as FormData).get('file') as File).name).toBe('leads.csv');
  });

  it('shows the api’s reason when the file is refused', async () => {
    stubApi({
      'GET /api/v1/leads': page(),
      'GET /api/v1/users': [],
      'POST /api/v1/leads/import': () =>
        new Response(JSON.stringify({ status: 400, detail: "The file's first row must name its columns" }), {
          status: 400,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
    });
    renderPage(<LeadsPage />, { path: '/leads' });
    await userEvent.click(await screen.findByRole('button', { name: 'Importar CSV' }));
    await userEvent.upload(screen.getByLabelText('Archivo CSV'), new File(['x'], 'x.csv', { type: 'text/csv' }));
    await userEvent.click(screen.getByRole('button', { name: 'Importar' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("The file's first row must name its columns");
  });

  it('closes with Esc and gives focus back to the button that opened it', async () => {
    stubApi({ 'GET /api/v1/leads': page(), 'GET /api/v1/users': [] });
    renderPage(<LeadsPage />, { path: '/leads' });
    const open = await screen.findByRole('button', { name: 'Importar CSV' });
    await userEvent.click(open);
    expect(screen.getByLabelText('Archivo CSV')).toHaveFocus();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(open).toHaveFocus();
  });
});

describe('New lead', () => {
  it('posts the typed lead and opens it', async () => {
    let body: unknown;
    stubApi({
      'GET /api/v1/leads': page(),
      'GET /api/v1/users': [],
      'POST /api/v1/leads': ({ body: b }: { body: unknown }) => {
        body = b;
        return new Response(JSON.stringify({ leadId: 'new-1', workflowId: 'lead-demo-x' }), {
          status: 201,
          headers: { 'Content-Type': 'application/json' },
        });
      },
    });
    renderPage(
      <>
        <LeadsPage />
        <Location />
      </>,
      { path: '/leads' },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Nuevo lead' }));
    const dialog = screen.getByRole('dialog', { name: 'Nuevo lead' });
    await userEvent.type(within(dialog).getByLabelText('Nombre'), 'Carla Soto');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Crear lead' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Indica un teléfono o un correo.');

    await userEvent.type(within(dialog).getByLabelText('Teléfono'), '+56 9 8765 4321');
    await userEvent.type(within(dialog).getByLabelText('Presupuesto (CLP)'), '150.000.000');
    await userEvent.type(within(dialog).getByLabelText('Etiquetas (separadas por coma)'), 'feria, vip');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Crear lead' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/leads/new-1'));
    expect(body).toEqual({
      name: 'Carla Soto',
      phone: '+56 9 8765 4321',
      budgetClp: 150000000,
      tags: ['feria', 'vip'],
    });
  });
});
