import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useAuth } from '../auth/AuthProvider';
import { PageHeader } from '../ui/PageHeader';
import { ErrorState, Skeleton } from '../ui/States';
import { StageBadge, StatusBadge, STAGES } from '../ui/Badges';
import { formatNumber, formatPercent, formatRelative, locale } from '../ui/format';
import { formatDurationUnit } from '../ui/time';
import { Funnel, type FunnelStep } from '../ui/charts/Funnel';
import { BarChart } from '../ui/charts/BarChart';
import { useLeadList } from '../leads/api';
import { usePipelineMetrics, type LeadRow, type PipelineReport } from '../pipeline/api';
import './home.css';

const PERIODS = [7, 30, 90] as const;
const WEEKS = 12;
const OPEN_STAGES = STAGES.filter((s) => s !== 'WON' && s !== 'LOST');

/** The start of a period of `days` days ending now, to the minute (a stable cache key while the page is open). */
function periodStart(days: number): string {
  const at = new Date(Date.now() - days * 86_400_000);
  at.setSeconds(0, 0);
  return at.toISOString();
}

function Kpi({ name, label, value, hint }: { name: string; label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <div className="card kpi" data-testid={`kpi-${name}`}>
      <span className="muted kpi-label">{label}</span>
      <span className="value">{value}</span>
      <span className="muted kpi-hint">{hint ?? '\u00a0'}</span>
    </div>
  );
}

function KpiSkeleton() {
  return (
    <div className="grid cols-4 kpis" aria-hidden="true">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="card kpi">
          <div className="skeleton-line" style={{ height: 14, width: '70%' }} />
          <div className="skeleton-line" style={{ height: 32, width: '40%', margin: '.3rem 0' }} />
          <div className="skeleton-line" style={{ height: 12, width: '55%' }} />
        </div>
      ))}
    </div>
  );
}

function Kpis({ report }: { report: PipelineReport }) {
  const { t, i18n } = useTranslation();
  const h = report.highlights;
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <div className="grid cols-4 kpis">
      <Kpi name="new-today" label={t('home:kpi.newToday')} value={n(h.newToday)} />
      <Kpi name="new-week" label={t('home:kpi.newWeek')} value={n(h.newThisWeek)} />
      <Kpi name="hot" label={t('home:kpi.hot')} value={n(h.hot)} hint={t('home:kpi.hotHint')} />
      <Kpi
        name="visits"
        label={t('home:kpi.visits')}
        value={n(h.visitsBooked)}
        hint={`${t('home:kpi.inPeriod')} · ${t('home:kpi.visitsHint', { count: h.visitsUpcoming })}`}
      />
      <Kpi
        name="first-response"
        label={t('home:kpi.firstResponse')}
        value={formatDurationUnit(h.firstResponse.medianSeconds, i18n.language)}
        hint={
          h.firstResponse.answered + h.firstResponse.unanswered === 0
            ? t('home:kpi.firstResponseNone')
            : t('home:kpi.firstResponseHint', { count: h.firstResponse.unanswered })
        }
      />
      <Kpi
        name="conversion"
        label={t('home:kpi.conversion')}
        value={formatPercent(h.conversionRate, i18n.language)}
        hint={t('home:kpi.conversionHint', { won: h.won, leads: report.overall.leads })}
      />
    </div>
  );
}

/** The funnel: how many of the period's new leads reached each stage, and how many went on. */
export function funnelSteps(report: PipelineReport, t: TFunction, language: string): FunnelStep[] {
  const { conversion, stages, leads } = report.overall;
  const forward = STAGES.filter((s) => s !== 'LOST');
  return forward.map((stage, i) => {
    // reached: the first pair's "reached" is every lead; each pair's "advanced" reached the next stage
    const reached = i === 0 ? leads : (conversion[i - 1]?.advanced ?? 0);
    const rate = conversion[i]?.rate;
    return {
      key: stage,
      label: t(`stage.${stage}`),
      value: reached,
      detail: (
        <>
          <span>{t('home:funnel.now', { count: stages[stage] ?? 0 })}</span>
          {i < forward.length - 1 && rate !== null && rate !== undefined && (
            <span>{t('home:funnel.rate', { rate: formatPercent(rate, language) })}</span>
          )}
        </>
      ),
    };
  });
}

function FunnelCard({ report }: { report: PipelineReport }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="home-funnel">
      <h2 id="home-funnel">{t('home:funnel.title')}</h2>
      <p className="muted small">{t('home:funnel.caption')}</p>
      {report.overall.leads === 0 ? (
        <p className="muted">{t('home:funnel.empty')}</p>
      ) : (
        <>
          <Funnel steps={funnelSteps(report, t, i18n.language)} label={t('home:funnel.title')} testId="funnel" />
          <p className="muted small funnel-lost">{t('home:funnel.lost', { count: report.overall.lost })}</p>
        </>
      )}
    </section>
  );
}

function TrendCard({ report }: { report: PipelineReport }) {
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(locale(i18n.language), { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const groups = report.weekly.map((w) => ({
    key: w.week,
    label: format.format(new Date(`${w.week}T00:00:00Z`)),
    values: { leads: w.leads, visits: w.visits, won: w.won },
  }));
  const total = report.weekly.reduce((sum, w) => sum + w.leads, 0);
  const last = report.weekly[report.weekly.length - 1]?.leads ?? 0;
  return (
    <section className="card" aria-labelledby="home-trend">
      <h2 id="home-trend">{t('home:trend.title')}</h2>
      <p className="muted small">{t('home:trend.caption', { count: report.weekly.length })}</p>
      <BarChart
        testId="weekly-trend"
        groups={groups}
        series={[
          { key: 'leads', label: t('home:trend.leads'), color: 'var(--brand-2)' },
          { key: 'visits', label: t('home:trend.visits'), color: 'var(--warm)' },
          { key: 'won', label: t('home:trend.won'), color: 'var(--ok)' },
        ]}
        title={t('home:trend.title')}
        summary={t('home:trend.summary', { total, weeks: report.weekly.length, last })}
        headerLabel={t('home:trend.week')}
      />
    </section>
  );
}

function LeadList({
  title,
  id,
  query,
  empty,
  more,
  render,
  testId,
}: {
  title: string;
  id: string;
  query: ReturnType<typeof useLeadList>;
  empty: string;
  more: ReactNode;
  render: (lead: LeadRow) => ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  let body: ReactNode;
  if (query.isPending) body = <Skeleton lines={4} height={40} />;
  else if (query.error || !query.data) body = <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  else if (query.data.items.length === 0) body = <p className="muted">{empty}</p>;
  else {
    body = (
      <ul className="home-leads" data-testid={testId}>
        {query.data.items.map((lead) => (
          <li key={lead.id}>
            <Link to={`/leads/${lead.id}`} className="home-lead-name">
              {lead.name?.trim() || lead.phone || lead.email || t('home:unnamed')}
            </Link>
            {render(lead)}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <section className="card" aria-labelledby={id}>
      <div className="card-head">
        <h2 id={id}>
          {title}
          {query.data && query.data.total > 0 && <span className="count-pill">{query.data.total}</span>}
        </h2>
        {more}
      </div>
      {body}
    </section>
  );
}

/**
 * Home: the KPIs of the period (and of today and this week, in the broker's calendar), the funnel, the
 * weekly trend, and the leads to act on now. An agent sees the figures of their own leads (the api scopes
 * them); everything refreshes live with the pipeline and lead events.
 */
export default function HomePage() {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30);
  const from = useMemo(() => periodStart(days), [days]);
  const metrics = usePipelineMetrics({ from, weeks: WEEKS });
  const hot = useLeadList({ status: ['HOT', 'QUALIFIED'], stage: OPEN_STAGES, sort: '-score', limit: 6 });
  const attention = useLeadList({ needsAttention: true, sort: '-updatedAt', limit: 6 });

  return (
    <div className="home-page">
      <PageHeader
        title={me ? t('home:greeting', { name: me.full_name.split(' ')[0] }) : t('home:title')}
        actions={
          <div className="segmented" role="group" aria-label={t('home:period')}>
            {PERIODS.map((p) => (
              <button
                key={p}
                type="button"
                className={`btn small ${p === days ? 'primary' : ''}`}
                aria-pressed={p === days}
                onClick={() => setDays(p)}
              >
                {t('home:days', { count: p })}
              </button>
            ))}
          </div>
        }
      >
        <p className="muted">{me?.role === 'AGENT' ? t('home:mine') : t('home:all')}</p>
      </PageHeader>

      {metrics.isPending ? (
        <>
          <KpiSkeleton />
          <div className="grid cols-2 home-row" aria-hidden="true">
            <div className="card">
              <Skeleton lines={6} height={26} />
            </div>
            <div className="card">
              <Skeleton lines={1} height={220} />
            </div>
          </div>
        </>
      ) : metrics.error || !metrics.data ? (
        <div className="card">
          <ErrorState error={metrics.error} onRetry={() => metrics.refetch()} />
        </div>
      ) : (
        <>
          <Kpis report={metrics.data} />
          <div className="grid cols-2 home-row">
            <FunnelCard report={metrics.data} />
            <TrendCard report={metrics.data} />
          </div>
        </>
      )}

      <div className="grid cols-2 home-row">
        <LeadList
          id="home-hot"
          testId="hot-leads"
          title={t('home:hot.title')}
          query={hot}
          empty={t('home:hot.empty')}
          more={
            <Link to="/pipeline" className="small">
              {t('home:hot.all')}
            </Link>
          }
          render={(lead) => (
            <span className="home-lead-meta">
              <StatusBadge status={lead.status} />
              <StageBadge stage={lead.stage} />
              <span className="muted">{lead.score}</span>
            </span>
          )}
        />
        <LeadList
          id="home-attention"
          testId="attention-leads"
          title={t('home:attention.title')}
          query={attention}
          empty={t('home:attention.empty')}
          more={
            <Link to="/leads?needsAttention=true" className="small">
              {t('home:attention.all')}
            </Link>
          }
          render={(lead) => (
            <span className="home-lead-meta attention">
              <span className="attention-reason">{lead.attentionReason || t('home:attention.noReason')}</span>
              <span className="muted">{formatRelative(lead.updatedAt, i18n.language)}</span>
            </span>
          )}
        />
      </div>
    </div>
  );
}
