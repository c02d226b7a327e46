import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import BrokersPage from './BrokersPage';
import { renderPage, stubApi } from '../test/render';
import type { Me } from '../auth/AuthProvider';

// user-event through whole pages: generous on a loaded CI machine, still far below a hang
vi.setConfig({ testTimeout: 20_000 });

const ROOT: Me = { id: 'u-root', email: 'root@inmo.cl', full_name: 'Root', role: 'SUPERADMIN', broker_id: null };
const DEMO = {
  id: 'b-1',
  slug: 'demo',
  name: 'Inmobiliaria Demo',
  timeZone: 'America/Santiago',
  personaName: 'Sofía',
  personaTone: 'cercana',
  active: true,
  settings: {},
};

afterEach(() => vi.unstubAllGlobals());

describe('BrokersPage', () => {
  it('creates a broker, the slug error from the api shown on the slug', async () => {
    const posted: Record<string, unknown>[] = [];
    let brokers = [DEMO];
    stubApi(
      {
        'GET /api/v1/brokers': () => brokers,
        'POST /api/v1/brokers': ({ body }: { body: unknown }) => {
          const b = body as Record<string, string>;
          posted.push(b);
          if (b.slug === 'demo')
            return new Response(
              JSON.stringify({ status: 409, detail: "A broker with the slug 'demo' already exists" }),
              { status: 409 },
            );
          if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(b.slug)) {
            return new Response(
              JSON.stringify({
                status: 400,
                detail: "slug: 2–63 characters of a–z, 0–9 and '-', starting with a letter or digit",
              }),
              { status: 400 },
            );
          }
          const created = { ...DEMO, id: 'b-2', slug: b.slug, name: b.name };
          brokers = [...brokers, created];
          return created;
        },
      },
      ROOT,
    );
    const user = userEvent.setup({ delay: null });
    renderPage(<BrokersPage />);
    expect(await screen.findAllByTestId('broker-row')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Nueva corredora' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Nombre'), 'Propiedades Andes');
    await user.type(within(dialog).getByLabelText('Identificador (slug)'), 'demo');
    await user.click(within(dialog).getByRole('button', { name: 'Crear corredora' }));
    const slug = within(dialog).getByLabelText('Identificador (slug)');
    await waitFor(() => expect(slug).toHaveAccessibleDescription("A broker with the slug 'demo' already exists"));

    await user.clear(slug);
    await user.type(slug, '-x');
    await user.click(within(dialog).getByRole('button', { name: 'Crear corredora' }));
    await waitFor(() => expect(slug).toHaveAccessibleDescription(/2–63 characters/));

    await user.clear(slug);
    await user.type(slug, 'andes');
    await user.click(within(dialog).getByRole('button', { name: 'Crear corredora' }));
    expect(await screen.findByText('Corredora Propiedades Andes creada.')).toBeInTheDocument();
    expect(posted.at(-1)).toMatchObject({
      slug: 'andes',
      name: 'Propiedades Andes',
      timeZone: 'America/Santiago',
      active: true,
    });
    await waitFor(() => expect(screen.getAllByTestId('broker-row')).toHaveLength(2));
  }, 20_000);

  it('deactivates a broker', async () => {
    let deleted = false;
    stubApi(
      {
        'GET /api/v1/brokers': () => [{ ...DEMO, active: !deleted }],
        'DELETE /api/v1/brokers/b-1': () => {
          deleted = true;
          return new Response(null, { status: 204 });
        },
      },
      ROOT,
    );
    const user = userEvent.setup({ delay: null });
    renderPage(<BrokersPage />);
    await user.click(await screen.findByRole('button', { name: 'Desactivar Inmobiliaria Demo' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Desactivar' }));
    expect(await screen.findByText('Inactiva')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reactivar' })).toBeInTheDocument();
  });

  it('reactivates a broker, says so, and shows it active again', async () => {
    let active = false;
    const sent: unknown[] = [];
    stubApi(
      {
        'GET /api/v1/brokers': () => [{ ...DEMO, active }],
        'PUT /api/v1/brokers/b-1': ({ body }: { body: unknown }) => {
          sent.push(body);
          active = true;
          return { ...DEMO, active };
        },
      },
      ROOT,
    );
    const user = userEvent.setup({ delay: null });
    renderPage(<BrokersPage />);
    await user.click(await screen.findByRole('button', { name: 'Reactivar' }));
    expect(await screen.findByText('Inmobiliaria Demo quedó activa.')).toBeInTheDocument();
    expect(sent).toEqual([{ active: true }]);
    expect(await screen.findByText('Activa')).toBeInTheDocument();
    expect(screen.getByTestId('broker-row')).not.toHaveClass('inactive');
  });
});
