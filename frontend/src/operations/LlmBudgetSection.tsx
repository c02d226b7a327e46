import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { QueryState, Skeleton } from '../ui/States';
import { formatDate, formatNumber, locale } from '../ui/format';

/** `GET /api/v1/operations/llm-budget`: today's model use against each broker's daily budget. */
export interface LlmBudgetToday {
  brokerId: string;
  brokerSlug: string;
  brokerName: string;
  day: string;
  timeZone: string;
  turns: number;
  turnsLimit: number;
  costUsd: number;
  budgetUsd: number;
  spent: boolean;
}

/** Today's AI turns and cost against the broker's daily budget; once spent, the team answers instead. */
export function LlmBudgetSection() {
  const { t, i18n } = useTranslation('operations');
  const budgets = useQuery({
    queryKey: queryKeys.llmBudget,
    queryFn: ({ signal }) => api<LlmBudgetToday[]>('/api/v1/operations/llm-budget', { signal }),
    refetchInterval: 60_000,
  });
  const usd = new Intl.NumberFormat(locale(i18n.language), {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return (
    <section className="card section" aria-labelledby="ops-budget" data-testid="llm-budget">
      <h2 id="ops-budget">{t('budget.title')}</h2>
      <QueryState query={budgets} skeleton={<Skeleton lines={2} />}>
        {(rows) => (
          <ul className="plain budgets">
            {rows.map((b) => (
              <li key={b.brokerId} className="budget">
                <p className="muted small">
                  {rows.length > 1 && <strong>{b.brokerName} · </strong>}
                  {t('budget.subtitle', {
                    day: formatDate(`${b.day}T12:00:00Z`, 'UTC', i18n.language),
                    zone: b.timeZone,
                  })}
                </p>
                <p className="state-line">
                  <span className={`dot ${b.spent ? 'bad' : 'ok'}`} aria-hidden="true" />
                  <strong>{b.spent ? t('budget.spent') : t('budget.available')}</strong>
                  {b.spent && <span>{t('budget.spentHint')}</span>}
                </p>
                <Gauge
                  label={t('budget.turnsMeter')}
                  value={b.turns}
                  max={b.turnsLimit}
                  text={t('budget.turns', {
                    turns: formatNumber(b.turns, i18n.language),
                    limit: formatNumber(b.turnsLimit, i18n.language),
                  })}
                />
                <Gauge
                  label={t('budget.costMeter')}
                  value={Number(b.costUsd)}
                  max={Number(b.budgetUsd)}
                  text={t('budget.cost', {
                    cost: usd.format(Number(b.costUsd)),
                    budget: usd.format(Number(b.budgetUsd)),
                  })}
                />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

function Gauge({ label, value, max, text }: { label: string; value: number; max: number; text: string }) {
  const share = max > 0 ? Math.min(1, value / max) : 1;
  return (
    <div className="gauge">
      <div
        className="gauge-track"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={text}
      >
        <span className={share >= 1 ? 'full' : ''} style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
      <span className="small">{text}</span>
    </div>
  );
}
