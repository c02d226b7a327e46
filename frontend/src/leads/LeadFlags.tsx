import { useTranslation } from 'react-i18next';
import type { LeadRow } from './types';

/** Flags a lead carries, as small badges beside its name. */
export function LeadFlags({
  lead,
}: {
  lead: Pick<LeadRow, 'humanMode' | 'needsAttention' | 'attentionReason' | 'optedOut' | 'unreachable'>;
}) {
  const { t } = useTranslation('leads');
  return (
    <>
      {lead.humanMode && <span className="badge flag-human">{t('flags.human')}</span>}
      {lead.needsAttention && (
        <span className="badge flag-attention" title={lead.attentionReason ?? undefined}>
          {t('flags.attention')}
        </span>
      )}
      {lead.optedOut && <span className="badge flag-muted">{t('flags.optedOut')}</span>}
      {lead.unreachable && <span className="badge flag-muted">{t('flags.unreachable')}</span>}
    </>
  );
}
