import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import UsersPage, { type User } from './UsersPage';
import { AppRoutes } from '../app/App';
import { ADMIN, AGENT, renderPage, stubApi } from '../test/render';

// user-event through whole pages: generous on a loaded CI machine, still far below a hang
vi.setConfig({ testTimeout: 20_000 });

const ANA: User = {
  id: 'u-ana',
  brokerId: 'b-1',
  email: 'ana@demo.inmo.cl',
  fullName: 'Ana <b>Pérez</b>',
  role: 'AGENT',
  active: true,
};
const ME: User = {
  id: ADMIN.id,
  brokerId: 'b-1',
  email: ADMIN.email,
  fullName: ADMIN.full_name,
  role: 'ADMIN',
  active: true,
};

function problem(status: number, detail: string) {
  return new Response(JSON.stringify({ status, detail }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('UsersPage', () => {
  it('lists the users, their names as text', async () => {
    stubApi({ 'GET /api/v1/users': [ME, ANA] });
    renderPage(<UsersPage />);
    const rows = await screen.findAllByTestId('user-row');
    expect(rows).toHaveLength(2);
    expect(screen.getByText('Ana <b>Pérez</b>')).toBeInTheDocument();
    expect(document.querySelector('b')).toBeNull();
    // nobody deactivates themself
    const mine = rows.find((r) => within(r).queryByText('(tú)'))!;
    expect(within(mine).queryByRole('button', { name: /Desactivar/ })).toBeNull();
  });

  it('creates a user, showing the password rules the api refused under the password', async () => {
    const posted: Record<string, unknown>[] = [];
    let users = [ME];
    stubApi({
      'GET /api/v1/users': () => users,
      'POST /api/v1/users': ({ body }: { body: unknown }) => {
        const b = body as Record<string, string>;
        posted.push(b);
        if (!/\d/.test(b.password)) {
          return problem(
            422,
            'email: not an e-mail address; Password rejected: the password must contain a digit (0-9); the password must contain a symbol (a character that is neither a letter, a digit nor a space, such as # ! - _ .)',
          );
        }
        const created = {
          id: 'u-new',
          brokerId: 'b-1',
          email: b.email,
          fullName: b.fullName,
          role: b.role,
          active: true,
        } as User;
        users = [...users, created];
        return new Response(JSON.stringify(created), { status: 201, headers: { 'Content-Type': 'application/json' } });
      },
    });
    const user = userEvent.setup({ delay: null });
    renderPage(<UsersPage />);
    await screen.findAllByTestId('user-row');

    await user.click(screen.getByRole('button', { name: 'Nuevo usuario' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nuevo usuario' });
    expect(within(dialog).getByLabelText('Nombre')).toHaveFocus();
    await user.type(within(dialog).getByLabelText('Nombre'), 'Bruno Díaz');
    await user.type(within(dialog).getByLabelText('Correo'), 'bruno');
    await user.selectOptions(within(dialog).getByLabelText('Rol'), 'ADMIN');
    await user.type(within(dialog).getByLabelText('Contraseña'), 'secreto');
    await user.click(within(dialog).getByRole('button', { name: 'Crear usuario' }));

    const password = within(dialog).getByLabelText('Contraseña');
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(password).toHaveAccessibleDescription(/must contain a digit \(0-9\); the password must contain a symbol/);
    expect(within(dialog).getByLabelText('Correo')).toHaveAccessibleDescription('not an e-mail address');
    expect(within(dialog).getByLabelText('Nombre')).not.toHaveAttribute('aria-invalid');

    await user.clear(within(dialog).getByLabelText('Correo'));
    await user.type(within(dialog).getByLabelText('Correo'), 'bruno@demo.inmo.cl');
    await user.clear(password);
    await user.type(password, 'Secreto#2026');
    await user.click(within(dialog).getByRole('button', { name: 'Crear usuario' }));

    expect(await screen.findByText('Usuario Bruno Díaz creado.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(posted.at(-1)).toEqual({
      email: 'bruno@demo.inmo.cl',
      fullName: 'Bruno Díaz',
      role: 'ADMIN',
      password: 'Secreto#2026',
    });
    await waitFor(() => expect(screen.getAllByTestId('user-row')).toHaveLength(2));
  }, 20_000);

  it('deactivates a user after confirming, and resets a password', async () => {
    const calls: string[] = [];
    stubApi({
      'GET /api/v1/users': [ME, ANA],
      'DELETE /api/v1/users/u-ana': () => {
        calls.push('delete');
        return new Response(null, { status: 204 });
      },
      'PUT /api/v1/users/u-ana/password': ({ body }: { body: unknown }) => {
        calls.push(`password ${(body as { password: string }).password}`);
        return new Response(null, { status: 204 });
      },
    });
    const user = userEvent.setup({ delay: null });
    renderPage(<UsersPage />);
    await user.click(await screen.findByRole('button', { name: 'Cambiar la contraseña de Ana <b>Pérez</b>' }));
    const reset = await screen.findByRole('dialog');
    await user.type(within(reset).getByLabelText('Nueva contraseña'), 'Nueva#2026');
    await user.click(within(reset).getByRole('button', { name: 'Guardar' }));
    expect(await screen.findByText('Contraseña cambiada.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Desactivar a Ana <b>Pérez</b>' }));
    const confirm = await screen.findByRole('dialog');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls).toEqual(['password Nueva#2026']);
    await user.click(screen.getByRole('button', { name: 'Desactivar a Ana <b>Pérez</b>' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Desactivar' }));
    await waitFor(() => expect(calls).toEqual(['password Nueva#2026', 'delete']));
    expect(confirm).not.toBeInTheDocument();
  }, 20_000);
});

describe('role gating', () => {
  function app(path: string) {
    return renderPage(
      <Routes>
        <Route path="/*" element={<AppRoutes />} />
      </Routes>,
      { path },
    );
  }

  it('an agent sees no Users, Settings or Operations, and /users is not found', async () => {
    stubApi({}, AGENT);
    app('/users');
    expect(await screen.findByText('No encontrado')).toBeInTheDocument();
    const nav = screen.getByRole('navigation');
    expect(within(nav).getByRole('link', { name: 'Chat de prueba' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Usuarios' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Configuración' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Operaciones' })).toBeNull();
  });

  it('an admin opens Users', async () => {
    stubApi({ 'GET /api/v1/users': [ME] }, ADMIN);
    app('/users');
    expect(await screen.findByRole('heading', { name: 'Usuarios' })).toBeInTheDocument();
    expect(within(screen.getByRole('navigation')).getByRole('link', { name: 'Usuarios' })).toBeInTheDocument();
  });
});
