import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { EmptyState, QueryState, Skeleton } from '../ui/States';
import { formatDate, formatNumber, locale } from '../ui/format';
import { Bars } from './Bars';
import { lastDays, totalsPerDay, type DailyUsage } from './llm';

const DAYS = 14;
/** What the LLM costs and how fast it answers, per day over the last two weeks. */
export function LlmSection() {
  const { t, i18n } = useTranslation('operations');
  const days = lastDays(DAYS);
  const from = days[0];
  const to = days[days.length - 1];
  const daily = useQuery({
    queryKey: queryKeys.llmDaily(from, to),
    queryFn: ({ signal }) => api<DailyUsage[]>('/api/v1/llm-calls/daily', { signal, query: { from, to } }),
  });
  const usd = new Intl.NumberFormat(locale(i18n.language), {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  });
  const dayLabel = (day: string) => formatDate(`${day}T12:00:00Z`, 'UTC', i18n.language);

  return (
    <section className="card section" aria-labelledby="ops-llm">
      <h2 id="ops-llm">{t('llm.title')}</h2>
      <p className="muted small">{t('llm.subtitle')}</p>
      <QueryState query={daily} skeleton={<Skeleton lines={5} />}>
        {(rows) => {
          if (rows.length === 0) return <EmptyState title={t('llm.empty')} />;
          const totals = totalsPerDay(rows, days);
          const sorted = [...rows].sort((a, b) =>
            a.day === b.day ? a.provider.localeCompare(b.provider) : b.day.localeCompare(a.day),
          );
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
                  bars={totals.map((d) => ({
                    label: dayLabel(d.day),
                    value: d.latencyP50Ms,
                    text: `${formatNumber(d.latencyP50Ms, i18n.language)} ms`,
                  }))}
                />
              </div>
              <div className="table-wrap">
                <table className="data" data-testid="llm-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('llm.day')}</th>
                      <th scope="col">{t('llm.provider')}</th>
                      <th scope="col" className="num">
                        {t('llm.calls')}
                      </th>
                      <th scope="col" className="num">
                        {t('llm.failures')}
                      </th>
                      <th scope="col" className="num">
                        {t('llm.p50')}
                      </th>
                      <th scope="col" className="num">
                        {t('llm.p90')}
                      </th>
                      <th scope="col" className="num">
                        {t('llm.tokens')}
                      </th>
                      <th scope="col" className="num">
                        {t('llm.cost')}
                      </th>
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
                      <th scope="row" colSpan={2}>
                        {t('llm.total')}
                      </th>
                      <td className="num">
                        {formatNumber(
                          sum((r) => r.calls),
                          i18n.language,
                        )}
                      </td>
                      <td className="num">
                        {formatNumber(
                          sum((r) => r.failures),
                          i18n.language,
                        )}
                      </td>
                      <td />
                      <td />
                      <td className="num">
                        {formatNumber(
                          sum((r) => r.tokensIn),
                          i18n.language,
                        )}{' '}
                        /{' '}
                        {formatNumber(
                          sum((r) => r.tokensOut),
                          i18n.language,
                        )}
                      </td>
                      <td className="num" data-testid="llm-total-cost">
                        {usd.format(sum((r) => Number(r.costUsd ?? 0)))}
                      </td>
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
