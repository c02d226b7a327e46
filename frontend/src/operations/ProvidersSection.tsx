import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { QueryState, Skeleton } from '../ui/States';
import { DataTable } from '../ui/DataTable';
import { formatDateTime, formatNumber, formatPercent, locale } from '../ui/format';
import { useBroker, useTimeZone } from '../ui/useBroker';
import { useGoogleCalendar, useHealth, useTelegramBot } from '../settings/channelsApi';

/** `GET /api/v1/operations/providers`. */
export interface ProviderHealth {
  provider: string;
  calls: number;
  failures: number;
  errorRate: number;
  latencyP50Ms: number;
  lastCallAt: string | null;
  lastFailureAt: string | null;
  lastError: string | null;
  state: 'ok' | 'degraded' | 'failing';
}

interface ProviderReport {
  hours: number;
  providers: ProviderHealth[];
}
/** Which providers fail: each LLM provider over the last hours, the Telegram webhook, the calendar, the servers. */
export function ProvidersSection() {
  const { t, i18n } = useTranslation('operations');
  const timeZone = useTimeZone();
  const providers = useQuery({
    queryKey: queryKeys.providers,
    queryFn: ({ signal }) => api<ProviderReport>('/api/v1/operations/providers', { signal }),
    refetchInterval: 60_000,
  });
  return (
    <section className="section" aria-labelledby="ops-providers">
      <h2 id="ops-providers">{t('providers.title')}</h2>
      <div className="card">
        <h3>{t('providers.llm')}</h3>
        <QueryState query={providers} skeleton={<Skeleton lines={3} />}>
          {(report) => (
            <DataTable
              rows={report.providers}
              rowKey={(p) => p.provider}
              rowTestId="provider-row"
              empty={t('providers.empty')}
              columns={[
                { header: t('providers.provider'), rowHeader: true, cell: (p) => p.provider },
                {
                  header: t('providers.state'),
                  label: false,
                  cell: (p) => (
                    <span className={`badge health-${p.state}`}>
                      {t(`providers.${p.state}`, { defaultValue: p.state })}
                    </span>
                  ),
                },
                { header: t('providers.calls'), num: true, cell: (p) => formatNumber(p.calls, i18n.language) },
                { header: t('providers.failures'), num: true, cell: (p) => formatNumber(p.failures, i18n.language) },
                {
                  header: t('providers.errorRate'),
                  num: true,
                  testId: 'error-rate',
                  cell: (p) => formatPercent(p.errorRate, i18n.language),
                },
                {
                  header: t('providers.latency'),
                  num: true,
                  cell: (p) => `${formatNumber(p.latencyP50Ms, i18n.language)} ms`,
                },
                {
                  header: t('providers.lastError'),
                  className: 'reason',
                  cell: (p) =>
                    p.lastFailureAt ? (
                      <>
                        <time dateTime={p.lastFailureAt}>
                          {formatDateTime(p.lastFailureAt, timeZone, i18n.language)}
                        </time>
                        {p.lastError && <div className="muted small">{p.lastError}</div>}
                      </>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          )}
        </QueryState>
      </div>
      <div className="grid cols-3">
        <TelegramCard />
        <CalendarCard />
        <ServicesCard />
      </div>
    </section>
  );
}

function StateLine({ ok, children }: { ok: boolean | null; children: React.ReactNode }) {
  return (
    <p className="state-line">
      <span className={`dot ${ok === null ? 'off' : ok ? 'ok' : 'bad'}`} aria-hidden="true" />
      {children}
    </p>
  );
}

function TelegramCard() {
  const { t, i18n } = useTranslation('operations');
  const health = useHealth();
  const broker = useBroker();
  const bot = useTelegramBot(broker.data?.slug);
  const telegram = health.data?.details?.telegram;
  return (
    <div className="card" data-testid="telegram-state">
      <h3>{t('channels.telegram')}</h3>
      {health.isPending ? (
        <Skeleton lines={2} />
      ) : !telegram ? (
        <StateLine ok={null}>{t('channels.noTelegram')}</StateLine>
      ) : telegram.mode === 'polling' ? (
        <StateLine ok={!!telegram.running}>
          {t('channels.polling')}: {telegram.running ? t('channels.pollingRunning') : t('channels.pollingStopped')}
        </StateLine>
      ) : (
        <>
          <StateLine ok={!!telegram.registered && !telegram.error && !telegram.last_error_message}>
            {telegram.registered ? t('channels.webhookOk') : t('channels.webhookNotRegistered')}
            {telegram.url ? ` · ${telegram.url}` : ''}
          </StateLine>
          {typeof telegram.pending_update_count === 'number' && (
            <p className="muted small">{t('channels.pending', { count: telegram.pending_update_count })}</p>
          )}
        </>
      )}
      {(telegram?.registration_error || telegram?.last_error_message || telegram?.error) && (
        <p className="form-error small">
          {t('channels.lastError', {
            message: telegram.registration_error || telegram.last_error_message || telegram.error,
          })}
        </p>
      )}
      {bot.data && (
        <StateLine ok={bot.data.connected ? true : null}>
          {bot.data.connected ? t('channels.botConnected', { bot: bot.data.botId ?? '' }) : t('channels.botMissing')}
          {bot.data.updatedAt ? ` · ${new Date(bot.data.updatedAt).toLocaleDateString(locale(i18n.language))}` : ''}
        </StateLine>
      )}
      <Link to="/settings#channels" className="small">
        {t('channels.manage')}
      </Link>
    </div>
  );
}

function CalendarCard() {
  const { t } = useTranslation('operations');
  const calendar = useGoogleCalendar();
  return (
    <div className="card" data-testid="calendar-state">
      <h3>{t('channels.calendar')}</h3>
      {calendar.isPending ? (
        <Skeleton lines={2} />
      ) : calendar.error ? (
        <StateLine ok={false}>
          {calendar.error instanceof Error ? calendar.error.message : String(calendar.error)}
        </StateLine>
      ) : calendar.data === null || calendar.data === undefined ? (
        <StateLine ok={null}>{t('channels.notAvailable')}</StateLine>
      ) : calendar.data.status === 'connected' ? (
        <StateLine ok>{t('channels.calendarConnected', { calendar: calendar.data.calendarId ?? 'primary' })}</StateLine>
      ) : calendar.data.status === 'disconnected' ? (
        <StateLine ok={false}>{t('channels.calendarDisconnected')}</StateLine>
      ) : (
        <StateLine ok={null}>{t('channels.calendarNotConnected')}</StateLine>
      )}
      <Link to="/settings#channels" className="small">
        {t('channels.manage')}
      </Link>
    </div>
  );
}

function ServicesCard() {
  const { t } = useTranslation('operations');
  const health = useHealth();
  return (
    <div className="card" data-testid="services-state">
      <h3>{t('channels.services')}</h3>
      <QueryState query={health} skeleton={<Skeleton lines={3} />}>
        {(report) => (
          <ul className="plain">
            {Object.entries(report.checks ?? {}).map(([name, state]) => (
              <li key={name}>
                <StateLine ok={state === 'up'}>
                  {name}: {state === 'up' ? t('channels.up') : t('channels.down')}
                  {report.errors?.[name] ? ` — ${report.errors[name]}` : ''}
                </StateLine>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </div>
  );
}
