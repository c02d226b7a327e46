import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import SettingsPage from './SettingsPage';
import { navigate } from './Channels';
import { formatDuration, parseDuration } from './model';
import { ADMIN, renderPage, stubApi } from '../test/render';

// user-event through whole pages: generous on a loaded CI machine, still far below a hang
vi.setConfig({ testTimeout: 20_000 });

const BROKER = {
  id: 'b-1',
  slug: 'demo',
  name: 'Demo',
  timeZone: 'America/Santiago',
  personaName: 'Sofía',
  personaTone: 'cercana',
  active: true,
  settings: {
    zones: ['Ñuñoa'],
    businessHours: { alwaysOpen: false, days: { MONDAY: ['09:00', '19:00'], TUESDAY: ['09:00', '19:00'] } },
    thresholds: { coldMax: 20, warmMax: 50, hotMin: 50, qualifiedMin: 75 },
    followUpCadence: ['PT10M', 'PT24H', 'PT72H', 'PT168H'],
    callsPerLeadPerDay: 3,
    callsPerLeadTotal: 6,
    callRetryDelay: 'PT2H',
    callsPerBrokerPerHour: 30,
    notifyTelegramChatId: -1001234567890,
    llmDailyTurns: 2000,
    llmDailyBudgetUsd: 20,
    futureSetting: { kept: true },
  },
};

function problem(status: number, detail: string) {
  return new Response(JSON.stringify({ status, title: 'Bad Request', detail }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

afterEach(() => vi.unstubAllGlobals());

function routes(extra: Record<string, unknown> = {}) {
  return {
    'GET /api/v1/brokers/current': BROKER,
    'GET /api/v1/brokers/demo/telegram': { connected: false },
    'GET /health': { status: 'healthy', checks: { database: 'up' } },
    ...extra,
  };
}

describe('durations', () => {
  it('reads ISO-8601 in the largest whole unit and writes it back', () => {
    expect(parseDuration('PT10M')).toEqual({ amount: '10', unit: 'minutes' });
    expect(parseDuration('PT72H')).toEqual({ amount: '3', unit: 'days' });
    expect(parseDuration('PT90M')).toEqual({ amount: '90', unit: 'minutes' });
    expect(parseDuration('P1DT2H')).toEqual({ amount: '26', unit: 'hours' });
    expect(formatDuration({ amount: '7', unit: 'days' })).toBe('P7D');
    expect(formatDuration({ amount: '', unit: 'hours' })).toBe('');
  });
});

/** What the page sends with PUT /api/v1/brokers/current, as far as these tests read it. */
type SavedBroker = { personaName: string; settings: Record<string, unknown> };

describe('SettingsPage', () => {
  it('shows the broker settings and saves every one of them with PUT /api/v1/brokers/current', async () => {
    let sent: SavedBroker | undefined;
    stubApi(
      routes({
        'PUT /api/v1/brokers/current': ({ body }: { body: unknown }) => {
          sent = body as SavedBroker;
          return {
            ...BROKER,
            personaName: sent.personaName,
            settings: { ...sent.settings, followUpCadence: ['PT15M', 'PT24H', 'PT72H', 'PT168H'] },
          };
        },
      }),
      ADMIN,
    );
    const user = userEvent.setup({ delay: null });
    renderPage(<SettingsPage />);

    const persona = await screen.findByLabelText('Nombre del agente');
    expect(persona).toHaveValue('Sofía');
    expect(screen.getByText('Ñuñoa')).toBeInTheDocument();
    expect(screen.getByLabelText('Atiende el Lunes')).toBeChecked();
    expect(screen.getByLabelText('Abre (Lunes)')).toHaveValue('09:00');
    expect(screen.getByLabelText('Atiende el Sábado')).not.toBeChecked();
    expect(screen.getByLabelText('Espera del seguimiento 1')).toHaveValue(10);
    expect(screen.getByLabelText('Unidad del seguimiento 1')).toHaveValue('minutes');
    expect(screen.getByLabelText('Espera del seguimiento 4')).toHaveValue(7);
    expect(screen.getByLabelText('Unidad del seguimiento 4')).toHaveValue('days');
    expect(screen.getByLabelText('Llamadas por hora (corredora)')).toHaveValue(30);
    expect(screen.getByLabelText('Zona horaria')).toHaveValue('America/Santiago');
    expect(screen.getByLabelText('Turnos de IA al día')).toHaveValue(2000);
    expect(screen.getByLabelText('Costo de IA al día (US$)')).toHaveValue(20);

    const replace = async (label: string, value: string) => {
      await user.clear(screen.getByLabelText(label));
      await user.click(screen.getByLabelText(label));
      await user.paste(value);
    };
    await replace('Nombre del agente', 'Valentina');
    await user.type(screen.getByLabelText('Nueva zona'), 'Providencia{Enter}');
    expect(screen.getByText('Providencia')).toBeInTheDocument();
    expect(sent).toBeUndefined(); // Enter in the zone field adds the zone, it does not save the form
    await user.click(screen.getByLabelText('Atiende el Sábado'));
    await replace('Cierra (Sábado)', '14:00');
    await replace('Espera del seguimiento 1', '15');
    await replace('Llamadas por hora (corredora)', '12');
    await replace('Costo de IA al día (US$)', '7.5');
    await user.click(screen.getByRole('button', { name: 'Quitar Ñuñoa' }));
    await user.click(screen.getByRole('button', { name: 'Guardar cambios' }));

    await waitFor(() => expect(sent).toBeDefined());
    expect(sent).toMatchObject({
      name: 'Demo',
      personaName: 'Valentina',
      personaTone: 'cercana',
      timeZone: 'America/Santiago',
    });
    expect(sent!.settings).toEqual({
      zones: ['Providencia'],
      businessHours: {
        alwaysOpen: false,
        days: { MONDAY: ['09:00', '19:00'], TUESDAY: ['09:00', '19:00'], SATURDAY: ['09:00', '14:00'] },
      },
      thresholds: { coldMax: 20, warmMax: 50, hotMin: 50, qualifiedMin: 75 },
      followUpCadence: ['PT15M', 'P1D', 'P3D', 'P7D'],
      callsPerLeadPerDay: 3,
      callsPerLeadTotal: 6,
      callRetryDelay: 'PT2H',
      callsPerBrokerPerHour: 12,
      notifyTelegramChatId: -1001234567890,
      llmDailyTurns: 2000,
      llmDailyBudgetUsd: 7.5,
      futureSetting: { kept: true },
    });
    expect(await screen.findByText('Configuración guardada.')).toBeInTheDocument();
    expect(screen.getByLabelText('Nombre del agente')).toHaveValue('Valentina');
  }, 30_000);

  it('shows the api validation errors next to their fields', async () => {
    stubApi(
      routes({
        'PUT /api/v1/brokers/current': () =>
          problem(
            400,
            'personaName: 1–100 characters; settings.thresholds: coldMax must be below warmMax (0 ≤ coldMax < warmMax ≤ hotMin ≤ qualifiedMin ≤ 100); ' +
              "settings.businessHours.days.MONDAY: opens at 19:00 but closes at 09:00; open must be before close; settings.callRetryDelay: 'x' is not an ISO-8601 duration",
          ),
      }),
      ADMIN,
    );
    const user = userEvent.setup({ delay: null });
    renderPage(<SettingsPage />);
    await user.clear(await screen.findByLabelText('Nombre del agente'));
    await user.click(screen.getByRole('button', { name: 'Guardar cambios' }));

    expect(await screen.findByText('Revisa los campos marcados.')).toBeInTheDocument();
    const persona = screen.getByLabelText('Nombre del agente');
    expect(persona).toHaveAttribute('aria-invalid', 'true');
    expect(persona).toHaveAccessibleDescription('1–100 characters');
    expect(screen.getByText(/coldMax must be below warmMax/)).toBeInTheDocument();
    expect(screen.getByLabelText('Frío hasta')).toHaveAttribute('aria-invalid', 'true');
    expect(
      within(screen.getByTestId('day-MONDAY')).getByText(
        'opens at 19:00 but closes at 09:00; open must be before close',
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Abre (Lunes)')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Abre (Martes)')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByText(/is not an ISO-8601 duration/)).toBeInTheDocument();
  }, 20_000);

  it('connects the Telegram bot with a token and a generated secret', async () => {
    let sent: Record<string, unknown> | undefined;
    stubApi(
      routes({
        'PUT /api/v1/brokers/demo/telegram': ({ body }: { body: unknown }) => {
          sent = body as Record<string, unknown>;
          return {
            connected: true,
            botId: '123456789',
            webhookPath: '/webhooks/telegram/demo',
            updatedAt: '2026-12-01T13:00:00Z',
          };
        },
      }),
      ADMIN,
    );
    const user = userEvent.setup({ delay: null });
    renderPage(<SettingsPage />);
    const card = await screen.findByTestId('telegram-connection');
    expect(await within(card).findByText('No conectado')).toBeInTheDocument();
    await user.type(within(card).getByLabelText('Token del bot'), '123456789:AAbbccddeeffgghhiijjkkllmmnnoopp');
    await user.click(within(card).getByRole('button', { name: 'Conectar bot' }));

    await waitFor(() => expect(sent).toBeDefined());
    expect(sent!.token).toBe('123456789:AAbbccddeeffgghhiijjkkllmmnnoopp');
    expect(String(sent!.webhookSecret)).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await within(card).findByText('Conectado')).toBeInTheDocument();
    expect(within(card).getByText('Webhook: /webhooks/telegram/demo')).toBeInTheDocument();
    expect(within(card).getByLabelText('Token del bot')).toHaveValue('');
  });

  it('says the calendar connection is not available when the api has no such endpoint', async () => {
    stubApi(routes(), ADMIN);
    renderPage(<SettingsPage />);
    const card = await screen.findByTestId('calendar-connection');
    expect(await within(card).findByText('No disponible en este servidor.')).toBeInTheDocument();
  });

  it('asks to connect a revoked calendar again', async () => {
    stubApi(routes({ 'GET /api/v1/calendar/google': { status: 'disconnected', calendarId: 'primary' } }), ADMIN);
    renderPage(<SettingsPage />);
    const card = await screen.findByTestId('calendar-connection');
    expect(await within(card).findByText('Desconectado')).toBeInTheDocument();
    expect(within(card).getByText(/Google revocó el acceso/)).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Volver a conectar' })).toBeInTheDocument();
  });

  it('shows the OAuth result and sends the admin to Google to connect', async () => {
    const go = vi.spyOn(navigate, 'to').mockImplementation(() => undefined);
    stubApi(
      routes({
        'GET /api/v1/calendar/google': { status: 'not_connected' },
        'GET /api/v1/calendar/google/connect': { authorizationUrl: 'https://accounts.google.com/o/oauth2/auth?x=1' },
      }),
      ADMIN,
    );
    const user = userEvent.setup({ delay: null });
    renderPage(<SettingsPage />, { path: '/settings?calendar=error' });
    expect(await screen.findByTestId('calendar-notice')).toHaveTextContent('No se pudo conectar Google Calendar');
    const card = await screen.findByTestId('calendar-connection');
    await user.click(await within(card).findByRole('button', { name: 'Conectar Google Calendar' }));
    await waitFor(() => expect(go).toHaveBeenCalledWith('https://accounts.google.com/o/oauth2/auth?x=1'));
  });

  it('edits and disconnects a connected calendar', async () => {
    let put: unknown;
    let deleted = false;
    stubApi(
      routes({
        'GET /api/v1/calendar/google': () =>
          deleted
            ? { status: 'not_connected' }
            : {
                status: 'connected',
                calendarId: 'primary',
                connectedAt: '2026-12-01T13:00:00Z',
                by: { id: 'u-admin', name: 'Alex Admin' },
                meet: false,
              },
        'PUT /api/v1/calendar/google': ({ body }: { body: unknown }) => {
          put = body;
          return { status: 'connected', ...(body as object) };
        },
        'DELETE /api/v1/calendar/google': () => {
          deleted = true;
          return new Response(null, { status: 204 });
        },
      }),
      ADMIN,
    );
    const user = userEvent.setup({ delay: null });
    renderPage(<SettingsPage />, { path: '/settings?calendar=connected' });
    expect(await screen.findByTestId('calendar-notice')).toHaveTextContent('Google Calendar quedó conectado.');
    const card = await screen.findByTestId('calendar-connection');
    const id = await within(card).findByLabelText('Id del calendario');
    await user.clear(id);
    await user.type(id, 'visitas@group.calendar.google.com');
    await user.click(within(card).getByLabelText('Agregar enlace de Google Meet a las visitas'));
    await user.click(within(card).getByRole('button', { name: 'Guardar calendario' }));
    await waitFor(() => expect(put).toEqual({ calendarId: 'visitas@group.calendar.google.com', meet: true }));

    await user.click(within(card).getByRole('button', { name: 'Desconectar' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Desconectar' }));
    await waitFor(() => expect(deleted).toBe(true));
    expect(await within(card).findByRole('button', { name: 'Conectar Google Calendar' })).toBeInTheDocument();
  });
});
