import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import userEvent from '@testing-library/user-event';
import { api } from '../api/client';
import { AccountsList, useAccountsPage } from './Accounts';
import { stubApi } from '../test/render';

afterEach(() => vi.unstubAllGlobals());

interface Person {
  id: string;
  name: string;
  active: boolean;
}

/** The least of an accounts page: its list, with a button of its own, and the hook's dialogs and toast. */
function People({ me }: { me: string }) {
  const accounts = useAccountsPage<Person, { kind: 'create' } | { kind: 'edit'; person: Person }>({
    ns: 'users',
    listKey: ['people'],
    pathOf: (p) => `/api/v1/users/${p.id}`,
    nameOf: (p) => p.name,
    reactivateWith: 'PATCH',
  });
  const people = useQuery({ queryKey: ['people'], queryFn: () => api<Person[]>('/api/v1/users') });
  return (
    <>
      <AccountsList
        accounts={accounts}
        query={people}
        order={(list) => [...list].sort((a, b) => a.name.localeCompare(b.name))}
        columns={[{ header: 'Nombre', cell: (p) => p.name }]}
        rowTestId="person"
        onAdd={() => accounts.setOpen({ kind: 'create' })}
        onEdit={(person) => accounts.setOpen({ kind: 'edit', person })}
        canDeactivate={(p) => p.id !== me}
        extraActions={() => <button type="button">otra</button>}
      />
      {accounts.open?.kind === 'create' && <p>creando</p>}
      {accounts.open?.kind === 'edit' && <p>editando a {accounts.open.person.name}</p>}
      {accounts.overlays}
    </>
  );
}

function renderPeople(me = 'u-me') {
  return render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <People me={me} />
    </QueryClientProvider>,
  );
}

function problem(status: number, detail: string) {
  return new Response(JSON.stringify({ status, detail }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

describe('an accounts page', () => {
  it('lists the accounts with their state and buttons, named after each; none to deactivate oneself', async () => {
    stubApi({
      'GET /api/v1/users': [
        { id: 'u-me', name: 'Yo', active: true },
        { id: 'u-bea', name: 'Bea', active: false },
        { id: 'u-ana', name: 'Ana', active: true },
      ],
    });
    renderPeople();
    expect(screen.getByRole('heading', { name: 'Usuarios' })).toBeInTheDocument();
    const [ana, bea, me] = await screen.findAllByTestId('person');
    expect(
      within(screen.getByRole('table'))
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Nombre', 'Estado', 'Acciones']);
    expect(within(ana).getByText('Activo')).toHaveClass('badge', 'health-ok');
    expect(
      within(ana)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Editar', 'otra', 'Desactivar']);
    expect(bea).toHaveClass('inactive');
    expect(within(bea).getByText('Inactivo')).not.toHaveClass('health-ok');
    expect(
      within(bea)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Editar', 'otra', 'Reactivar']);
    expect(
      within(me)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Editar', 'otra']);

    await userEvent.click(within(ana).getByRole('button', { name: 'Editar a Ana' }));
    expect(screen.getByText('editando a Ana')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Nuevo usuario' }));
    expect(screen.getByText('creando')).toBeInTheDocument();
  });

  it('says so when there is no account', async () => {
    stubApi({ 'GET /api/v1/users': [] });
    renderPeople();
    expect(await screen.findByText('Todavía no hay usuarios.')).toBeInTheDocument();
  });

  it('deactivates after asking, shows a refusal in place, then says so and refreshes the list', async () => {
    let active = true;
    let refuse = true;
    const fetchMock = stubApi({
      'GET /api/v1/users': () => [{ id: 'u-ana', name: 'Ana', active }],
      'DELETE /api/v1/users/u-ana': () => {
        if (refuse) return problem(409, 'the last admin stays');
        active = false;
        return new Response(null, { status: 204 });
      },
    });
    renderPeople();
    await userEvent.click(await screen.findByRole('button', { name: 'Desactivar a Ana' }));
    const dialog = screen.getByRole('dialog', { name: 'Desactivar a Ana' });
    expect(dialog).toHaveTextContent('Ana no podrá volver a entrar');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Desactivar' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('the last admin stays');

    refuse = false;
    await userEvent.click(within(dialog).getByRole('button', { name: 'Desactivar' }));
    expect(await screen.findByText('Ana quedó desactivado.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await within(screen.getByTestId('person')).findByText('Inactivo')).toBeInTheDocument();
    expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'DELETE')).toHaveLength(2);
  });

  it('reactivates with the page’s method, says so or says why not', async () => {
    let active = false;
    let refuse = true;
    const sent: unknown[] = [];
    stubApi({
      'GET /api/v1/users': () => [{ id: 'u-ana', name: 'Ana', active }],
      'PATCH /api/v1/users/u-ana': ({ body }: { body: unknown }) => {
        sent.push(body);
        if (refuse) return problem(409, 'the broker is inactive');
        active = true;
        return { id: 'u-ana', name: 'Ana', active };
      },
    });
    renderPeople();
    await userEvent.click(await screen.findByRole('button', { name: 'Reactivar' }));
    expect(await screen.findByRole('status')).toHaveTextContent('the broker is inactive');

    refuse = false;
    await userEvent.click(screen.getByRole('button', { name: 'Reactivar' }));
    expect(await screen.findByText('Ana quedó activo.')).toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByTestId('person')).getByText('Activo')).toHaveClass('health-ok'));
    expect(sent).toEqual([{ active: true }, { active: true }]);
  });
});
