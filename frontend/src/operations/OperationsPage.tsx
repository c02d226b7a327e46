import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState, QueryState, Skeleton } from '../ui/States';
import { formatDate, formatDateTime, formatNumber, formatPercent, formatRelative, locale } from '../ui/format';
import { useBroker, useTimeZone } from '../ui/useBroker';
import { Toast } from '../users/Dialog';
import { useGoogleCalendar, useHealth, useTelegramBot } from '../settings/channelsApi';
import { Bars } from './Bars';
import { lastDays, totalsPerDay, type DailyUsage } from './llm';
import './operations.css';

/** The rows of `GET /api/v1/leads` this page reads. */
interface AttentionLead {
  id: string;
  name: string | null;
  channel: string;
  stage: string;
  attentionReason: string | null;
  updatedAt: string;
}

interface LeadPage {
  items: AttentionLead[];
  total: number;
}

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

const DAYS = 14;

export default function OperationsPage() {
  const { t } = useTranslation('operations');
  return (
    <div className="operations">
      <PageHeader title={t('title')}>
        <p className="muted">{t('subtitle')}</p>
      </PageHeader>
      <AttentionSection />
      <ProvidersSection />
      <LlmSection />
    </div>
  );
}

function AttentionSection() {
  const { t, i18n } = useTranslation('operations');
  const timeZone = useTimeZone();
  const queryClient = useQueryClient();
  const [toast, setToast] = useState<string | null>(null);
  const [failed, setFailed] = useState<Record<string, string>>({});
  const leads = useQuery({
    queryKey: queryKeys.attention,
    queryFn: ({ signal }) =>
      api<LeadPage>('/api/v1/leads', { signal, query: { needsAttention: true, sort: '-updatedAt', limit: 50 } }),
  });
  const retry = useMutation({
    mutationFn: (lead: AttentionLead) => api(`/api/v1/leads/${lead.id}/retry`, { method: 'POST' }),
    onMutate: (lead) => setFailed(({ [lead.id]: _, ...rest }) => rest),
    onSuccess: (_, lead) => {
      setToast(t('attention.retried', { name: lead.name ?? t('attention.unnamed') }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.operations });
      void queryClient.invalidateQueries({ queryKey: queryKeys.lead(lead.id) });
      void queryClient.invalidateQueries({ queryKey: ['leads', 'list'] });
    },
    onError: (error, lead) => setFailed((now) => ({ ...now, [lead.id]: error instanceof Error ? error.message : String(error) })),
  });

  return (
    <section className="card section" aria-labelledby="ops-attention">
      <h2 id="ops-attention">{t('attention.title')}</h2>
      <QueryState query={leads} skeleton={<Skeleton lines={4} />}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState title={t('attention.empty')} />
          ) : (
            <>
              <div className="table-wrap">
                <table className="data stack">
                  <thead>
                    <tr>
                      <th scope="col">{t('attention.lead')}</th>
                      <th scope="col">{t('attention.reason')}</th>
                      <th scope="col">{t('attention.since')}</th>
                      <th scope="col">{t('attention.action')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((lead) => {
                      const busy = retry.isPending && retry.variables?.id === lead.id;
                      return (
                        <tr key={lead.id} data-testid="attention-row">
                          <td>
                            <Link to={`/leads/${lead.id}`}>{lead.name || t('attention.unnamed')}</Link>
                            <div className="muted small">{t(`common:channel.${lead.channel}`, { defaultValue: lead.channel })}</div>
                          </td>
                          <td className="reason" data-label={t('attention.reason')}>{lead.attentionReason || t('attention.noReason')}</td>
                          <td data-label={t('attention.since')}>
                            <time dateTime={lead.updatedAt} title={formatDateTime(lead.updatedAt, timeZone, i18n.language)}>
                              {formatRelative(lead.updatedAt, i18n.language)}
                            </time>
                          </td>
                          <td>
                            <button
                              type="button"
                              className="btn small"
                              disabled={busy}
                              onClick={() => retry.mutate(lead)}
                              aria-label={`${t('attention.retry')}: ${lead.name || t('attention.unnamed')}`}
                            >
                              {busy ? t('attention.retrying') : t('attention.retry')}
                            </button>
                            {failed[lead.id] && (
                              <p className="form-error small" role="alert">
                                {t('attention.retryFailed', { message: failed[lead.id] })}
                              </p>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              {page.total > page.items.length && (
                <p className="muted small">{t('attention.more', { shown: page.items.length, total: page.total })}</p>
              )}
            </>
          )
        }
      </QueryState>
      <Toast message={toast} onDone={() => setToast(null)} />
    </section>
  );
}

function ProvidersSection() {
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
          {(report) =>
            report.providers.length === 0 ? (
              <EmptyState title={t('providers.empty')} />
            ) : (
              <div className="table-wrap">
                <table className="data stack">
                  <thead>
                    <tr>
                      <th scope="col">{t('providers.provider')}</th>
                      <th scope="col">{t('providers.state')}</th>
                      <th scope="col" className="num">{t('providers.calls')}</th>
                      <th scope="col" className="num">{t('providers.failures')}</th>
                      <th scope="col" className="num">{t('providers.errorRate')}</th>
                      <th scope="col" className="num">{t('providers.latency')}</th>
                      <th scope="col">{t('providers.lastError')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.providers.map((p) => (
                      <tr key={p.provider} data-testid="provider-row">
                        <th scope="row">{p.provider}</th>
                        <td>
                          <span className={`badge health-${p.state}`}>{t(`providers.${p.state}`, { defaultValue: p.state })}</span>
                        </td>
                        <td className="num" data-label={t('providers.calls')}>{formatNumber(p.calls, i18n.language)}</td>
                        <td className="num" data-label={t('providers.failures')}>{formatNumber(p.failures, i18n.language)}</td>
                        <td className="num" data-label={t('providers.errorRate')} data-testid="error-rate">{formatPercent(p.errorRate, i18n.language)}</td>
                        <td className="num" data-label={t('providers.latency')}>{formatNumber(p.latencyP50Ms, i18n.language)} ms</td>
                        <td className="reason" data-label={t('providers.lastError')}>
                          {p.lastFailureAt ? (
                            <>
                              <time dateTime={p.lastFailureAt}>{formatDateTime(p.lastFailureAt, timeZone, i18n.language)}</time>
                              {p.lastError && <div className="muted small">{p.lastError}</div>}
                            </>
                          ) : (
                            '—'
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
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
          {t('channels.lastError', { message: telegram.registration_error || telegram.last_error_message || telegram.error })}
        </p>
      )}
      {bot.data && (
        <StateLine ok={bot.data.connected ? true : null}>
          {bot.data.connected ? t('channels.botConnected', { bot: bot.data.botId ?? '' }) : t('channels.botMissing')}
          {bot.data.updatedAt ? ` · ${new Date(bot.data.updatedAt).toLocaleDateString(locale(i18n.language))}` : ''}
        </StateLine>
      )}
      <Link to="/settings#channels" className="small">{t('channels.manage')}</Link>
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
        <StateLine ok={false}>{calendar.error instanceof Error ? calendar.error.message : String(calendar.error)}</StateLine>
      ) : calendar.data === null || calendar.data === undefined ? (
        <StateLine ok={null}>{t('channels.notAvailable')}</StateLine>
      ) : calendar.data.status === 'connected' ? (
        <StateLine ok>{t('channels.calendarConnected', { calendar: calendar.data.calendarId ?? 'primary' })}</StateLine>
      ) : calendar.data.status === 'disconnected' ? (
        <StateLine ok={false}>{t('channels.calendarDisconnected')}</StateLine>
      ) : (
        <StateLine ok={null}>{t('channels.calendarNotConnected')}</StateLine>
      )}
      <Link to="/settings#channels" className="small">{t('channels.manage')}</Link>
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

function LlmSection() {
  const { t, i18n } = useTranslation('operations');
  const days = lastDays(DAYS);
  const from = days[0];
  const to = days[days.length - 1];
  const daily = useQuery({
    queryKey: queryKeys.llmDaily(from, to),
    queryFn: ({ signal }) => api<DailyUsage[]>('/api/v1/llm-calls/daily', { signal, query: { from, to } }),
  });
  const usd = new Intl.NumberFormat(locale(i18n.language), { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 });
  const dayLabel = (day: string) => formatDate(`${day}T12:00:00Z`, 'UTC', i18n.language);

  return (
    <section className="card section" aria-labelledby="ops-llm">
      <h2 id="ops-llm">{t('llm.title')}</h2>
      <p className="muted small">{t('llm.subtitle')}</p>
      <QueryState query={daily} skeleton={<Skeleton lines={5} />}>
        {(rows) => {
          if (rows.length === 0) return <EmptyState title={t('llm.empty')} />;
          const totals = totalsPerDay(rows, days);
          const sorted = [...rows].sort((a, b) => (a.day === b.day ? a.provider.localeCompare(b.provider) : b.day.localeCompare(a.day)));
          const sum = (f: (r: DailyUsage) => number) => rows.reduce((n, r) => n + f(r), 0);
          return (
            <>
              <div className="grid cols-2 charts">
                <Bars
                  title={t('llm.costChart')}
                  bars={totals.map((d) => ({ label: dayLabel(d.day), value: d.costUsd, text: usd.format(d.costUsd) }))}
                />
                <Bars
                  title={t('llm.latencyChart')}
                  color="var(--warm)"
                  bars={totals.map((d) => ({ label: dayLabel(d.day), value: d.latencyP50Ms, text: `${formatNumber(d.latencyP50Ms, i18n.language)} ms` }))}
                />
              </div>
              <div className="table-wrap">
                <table className="data" data-testid="llm-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('llm.day')}</th>
                      <th scope="col">{t('llm.provider')}</th>
                      <th scope="col" className="num">{t('llm.calls')}</th>
                      <th scope="col" className="num">{t('llm.failures')}</th>
                      <th scope="col" className="num">{t('llm.p50')}</th>
                      <th scope="col" className="num">{t('llm.p90')}</th>
                      <th scope="col" className="num">{t('llm.tokens')}</th>
                      <th scope="col" className="num">{t('llm.cost')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {sorted.map((r) => (
                      <tr key={`${r.day}-${r.provider}`}>
                        <td>{dayLabel(r.day)}</td>
                        <td>{r.provider}</td>
                        <td className="num">{formatNumber(r.calls, i18n.language)}</td>
                        <td className="num">{formatNumber(r.failures, i18n.language)}</td>
                        <td className="num">{formatNumber(r.latencyP50Ms, i18n.language)} ms</td>
                        <td className="num">{formatNumber(r.latencyP90Ms, i18n.language)} ms</td>
                        <td className="num">
                          {formatNumber(r.tokensIn, i18n.language)} / {formatNumber(r.tokensOut, i18n.language)}
                        </td>
                        <td className="num">{usd.format(Number(r.costUsd ?? 0))}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row" colSpan={2}>{t('llm.total')}</th>
                      <td className="num">{formatNumber(sum((r) => r.calls), i18n.language)}</td>
                      <td className="num">{formatNumber(sum((r) => r.failures), i18n.language)}</td>
                      <td />
                      <td />
                      <td className="num">
                        {formatNumber(sum((r) => r.tokensIn), i18n.language)} / {formatNumber(sum((r) => r.tokensOut), i18n.language)}
                      </td>
                      <td className="num" data-testid="llm-total-cost">{usd.format(sum((r) => Number(r.costUsd ?? 0)))}</td>
                    </tr>
                  </tfoot>
                </table>
              </div>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
