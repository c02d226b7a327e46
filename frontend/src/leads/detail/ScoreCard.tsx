import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../ui/Badges';
import type { LeadDetail } from '../types';
import { Section } from './Section';

const PARTS = ['profile', 'engagement', 'financial', 'penalties'] as const;

/** The score 0–100, its status, and the components it adds up from (penalties subtract). */
export function ScoreCard({ lead }: { lead: LeadDetail }) {
  const { t } = useTranslation('leads');
  const breakdown = lead.live?.score ?? null;
  const total = breakdown?.total ?? lead.score;
  const status = breakdown?.status ?? lead.status;
  return (
    <Section title={t('detail.score')} id="lead-score" testId="lead-score">
      <div className="score-head">
        <span className="score-total" data-testid="score-total">
          {total}
        </span>
        <span className="muted">/ 100</span>
        <StatusBadge status={status} />
      </div>
      <div className="meter" aria-hidden="true">
        <span style={{ width: `${Math.max(0, Math.min(100, total))}%` }} />
      </div>
      {breakdown && (
        <dl className="score-parts">
          {PARTS.map((part) => {
            const value = breakdown[part];
            const negative = part === 'penalties';
            return (
              <div key={part} className="score-part" data-testid={`score-${part}`}>
                <dt>{t(`detail.scoreParts.${part}`)}</dt>
                <dd>
                  <span className={negative && value ? 'danger' : undefined}>
                    {negative && value > 0 ? `−${value}` : value}
                  </span>
                  <span className={`meter small ${negative ? 'negative' : ''}`} aria-hidden="true">
                    <span style={{ width: `${Math.max(0, Math.min(100, Math.abs(value)))}%` }} />
                  </span>
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </Section>
  );
}
