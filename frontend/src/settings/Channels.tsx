import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { Skeleton, ErrorState } from '../ui/States';
import { formatDateTime } from '../ui/format';
import { useTimeZone } from '../ui/useBroker';
import { ConfirmDialog } from '../ui/Dialog';
import { Field, FormError } from '../ui/Field';
import { errorProps, fieldErrors, type FieldErrors } from '../ui/problems';
import { Toast } from '../ui/Toast';
import { useGoogleCalendar, useHealth, useTelegramBot, type GoogleCalendar, type TelegramBot } from './channelsApi';

/** Where the browser goes to grant calendar access; a function so tests can see the address. */
export const navigate = { to: (url: string) => window.location.assign(url) };

/** A random webhook secret: 32 characters of Telegram's allowed alphabet. */
export function randomSecret(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** The message the Google OAuth callback leaves in `/settings?calendar=connected|error`. */
export function CalendarNotice() {
  const { t } = useTranslation('settings');
  const [params, setParams] = useSearchParams();
  const result = params.get('calendar');
  if (result !== 'connected' && result !== 'error') return null;
  const dismiss = () => {
    const next = new URLSearchParams(params);
    next.delete('calendar');
    setParams(next, { replace: true });
  };
  return (
    <div
      className={`notice ${result === 'connected' ? 'ok' : 'bad'}`}
      role={result === 'error' ? 'alert' : 'status'}
      data-testid="calendar-notice"
    >
      <span>{result === 'connected' ? t('channels.oauthConnected') : t('channels.oauthError')}</span>
      <button type="button" className="btn small ghost" onClick={dismiss} aria-label={t('channels.dismiss')}>
        ×
      </button>
    </div>
  );
}

export function Channels({ slug }: { slug: string }) {
  const { t } = useTranslation('settings');
  return (
    <section id="channels" className="channels" aria-labelledby="channels-title">
      <h2 id="channels-title">{t('channels.title')}</h2>
      <div className="grid cols-2">
        <TelegramConnection slug={slug} />
        <CalendarConnection />
      </div>
    </section>
  );
}

function TelegramConnection({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation('settings');
  const timeZone = useTimeZone();
  const queryClient = useQueryClient();
  const bot = useTelegramBot(slug);
  const health = useHealth();
  const [token, setToken] = useState('');
  const [secret, setSecret] = useState(randomSecret);
  const [chatId, setChatId] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [toast, setToast] = useState<string | null>(null);

  const connect = useMutation({
    mutationFn: () =>
      api<TelegramBot>(`/api/v1/brokers/${encodeURIComponent(slug)}/telegram`, {
        method: 'PUT',
        body: {
          token: token.trim(),
          webhookSecret: secret.trim(),
          notifyChatId: chatId.trim() === '' ? null : Number(chatId),
        },
      }),
    onSuccess: (status) => {
      queryClient.setQueryData(queryKeys.telegramBot(slug), status);
      void queryClient.invalidateQueries({ queryKey: queryKeys.health });
      setToken('');
      setSecret(randomSecret());
      setErrors({});
      setToast(t('channels.botSaved'));
    },
    onError: (error) => setErrors(fieldErrors(error, ['token', 'webhookSecret', 'notifyChatId'])),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    connect.mutate();
  }

  const server = health.data?.details?.telegram;
  return (
    <div className="card" data-testid="telegram-connection">
      <h3>{t('channels.telegram')}</h3>
      {bot.isPending ? (
        <Skeleton lines={2} />
      ) : bot.error ? (
        <ErrorState error={bot.error} onRetry={() => bot.refetch()} />
      ) : (
        <div className="status-block">
          <p>
            <span className={`badge ${bot.data?.connected ? 'health-ok' : ''}`}>
              {bot.data?.connected ? t('channels.connected') : t('channels.notConnected')}
            </span>{' '}
            {bot.data?.botId && t('channels.bot', { bot: bot.data.botId })}
          </p>
          {bot.data?.webhookPath && (
            <p className="muted small">{t('channels.webhook', { path: bot.data.webhookPath })}</p>
          )}
          {bot.data?.updatedAt && (
            <p className="muted small">
              {t('channels.updated', { when: formatDateTime(bot.data.updatedAt, timeZone, i18n.language) })}
            </p>
          )}
        </div>
      )}
      {server?.mode === 'webhook' && (
        <p className="muted small" data-testid="server-webhook">
          {t('channels.serverWebhook', {
            state: server.registered ? t('channels.registered') : t('channels.notRegistered'),
          })}
          {server.last_error_message ? ` — ${server.last_error_message}` : ''}
        </p>
      )}
      <form onSubmit={submit} noValidate className="stack">
        <FormError errors={errors} />
        <Field label={t('channels.token')} id="tg-token" error={errors.token} hint={t('channels.tokenHint')}>
          <input
            id="tg-token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            {...errorProps(errors, 'token', 'tg-token', true)}
          />
        </Field>
        <Field label={t('channels.secret')} id="tg-secret" error={errors.webhookSecret} hint={t('channels.secretHint')}>
          <span className="form-row">
            <input
              id="tg-secret"
              autoComplete="off"
              spellCheck={false}
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              {...errorProps(errors, 'webhookSecret', 'tg-secret', true)}
            />
            <button type="button" className="btn small ghost" onClick={() => setSecret(randomSecret())}>
              {t('channels.regenerate')}
            </button>
          </span>
        </Field>
        <Field label={t('channels.notifyChatId')} id="tg-chat" error={errors.notifyChatId}>
          <input
            id="tg-chat"
            inputMode="numeric"
            value={chatId}
            onChange={(e) => setChatId(e.target.value)}
            {...errorProps(errors, 'notifyChatId', 'tg-chat')}
          />
        </Field>
        <div>
          <button type="submit" className="btn primary" disabled={connect.isPending || !token.trim()}>
            {connect.isPending
              ? t('channels.connecting')
              : bot.data?.connected
                ? t('channels.replace')
                : t('channels.connect')}
          </button>
        </div>
      </form>
      <Toast message={toast} onDone={() => setToast(null)} />
    </div>
  );
}

function CalendarConnection() {
  const { t, i18n } = useTranslation('settings');
  const timeZone = useTimeZone();
  const queryClient = useQueryClient();
  const calendar = useGoogleCalendar();
  const [toast, setToast] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [edit, setEdit] = useState<{ calendarId: string; meet: boolean } | null>(null);

  const refresh = (value?: GoogleCalendar | null) => {
    if (value !== undefined) queryClient.setQueryData(queryKeys.calendarGoogle, value);
    void queryClient.invalidateQueries({ queryKey: queryKeys.calendar });
  };
  const message = (e: unknown) => setError(e instanceof Error ? e.message : String(e));

  const connect = useMutation({
    mutationFn: () => api<{ authorizationUrl: string }>('/api/v1/calendar/google/connect'),
    onSuccess: ({ authorizationUrl }) => navigate.to(authorizationUrl),
    onError: message,
  });
  const save = useMutation({
    mutationFn: (body: { calendarId: string; meet: boolean }) =>
      api<GoogleCalendar>('/api/v1/calendar/google', { method: 'PUT', body }),
    onSuccess: (value) => {
      refresh(value ?? undefined);
      setEdit(null);
      setError(null);
      setToast(t('channels.calendarSaved'));
    },
    onError: message,
  });
  const disconnect = useMutation({
    mutationFn: () => api('/api/v1/calendar/google', { method: 'DELETE' }),
    onSuccess: () => {
      setConfirming(false);
      refresh();
      setToast(t('channels.calendarRemoved'));
    },
    onError: (e) => {
      setConfirming(false);
      message(e);
    },
  });

  const data = calendar.data;
  const form = edit ?? { calendarId: data?.calendarId ?? 'primary', meet: !!data?.meet };
  return (
    <div className="card" data-testid="calendar-connection">
      <h3>{t('channels.calendar')}</h3>
      {calendar.isPending ? (
        <Skeleton lines={2} />
      ) : calendar.error ? (
        <ErrorState error={calendar.error} onRetry={() => calendar.refetch()} />
      ) : data === null || data === undefined ? (
        <p className="muted">{t('channels.notAvailable')}</p>
      ) : (
        <>
          <p>
            <span
              className={`badge ${data.status === 'connected' ? 'health-ok' : data.status === 'disconnected' ? 'health-failing' : ''}`}
            >
              {data.status === 'connected'
                ? t('channels.calendarConnected')
                : data.status === 'disconnected'
                  ? t('channels.disconnected')
                  : t('channels.notConnected')}
            </span>
          </p>
          {data.status === 'disconnected' && <p className="form-error small">{t('channels.calendarDisconnected')}</p>}
          {data.status === 'not_connected' && <p className="muted small">{t('channels.calendarNotConnected')}</p>}
          {data.status === 'connected' && data.connectedAt && (
            <p className="muted small">
              {t('channels.connectedBy', {
                when: formatDateTime(data.connectedAt, timeZone, i18n.language),
                by: data.by?.name ?? '—',
              })}
            </p>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          {data.status === 'connected' ? (
            <form
              className="stack"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                save.mutate({ calendarId: form.calendarId.trim(), meet: form.meet });
              }}
            >
              <Field label={t('channels.calendarId')} id="cal-id">
                <input
                  id="cal-id"
                  value={form.calendarId}
                  onChange={(e) => setEdit({ ...form, calendarId: e.target.value })}
                />
              </Field>
              <label className="check">
                <input
                  type="checkbox"
                  checked={form.meet}
                  onChange={(e) => setEdit({ ...form, meet: e.target.checked })}
                />
                {t('channels.meet')}
              </label>
              <div className="form-row">
                <button type="submit" className="btn primary" disabled={save.isPending}>
                  {t('channels.saveCalendar')}
                </button>
                <button type="button" className="btn danger" onClick={() => setConfirming(true)}>
                  {t('channels.disconnect')}
                </button>
              </div>
            </form>
          ) : (
            <button type="button" className="btn primary" disabled={connect.isPending} onClick={() => connect.mutate()}>
              {data.status === 'disconnected' ? t('channels.reconnect') : t('channels.connectCalendar')}
            </button>
          )}
        </>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('channels.disconnect')}
          confirmLabel={t('channels.disconnect')}
          pending={disconnect.isPending}
          onConfirm={() => disconnect.mutate()}
          onClose={() => setConfirming(false)}
        >
          {t('channels.disconnectConfirm')}
        </ConfirmDialog>
      )}
      <Toast message={toast} onDone={() => setToast(null)} />
    </div>
  );
}
