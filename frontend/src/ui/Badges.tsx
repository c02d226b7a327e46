import { useTranslation } from 'react-i18next';

export const STAGES = ['NEW', 'PROFILING', 'FINANCIAL_QUALIFICATION', 'POTENTIAL', 'SCHEDULED', 'WON', 'LOST'] as const;
export type Stage = (typeof STAGES)[number];
export type LeadStatus = 'COLD' | 'WARM' | 'HOT' | 'QUALIFIED';

export function StageBadge({ stage }: { stage: string }) {
  const { t } = useTranslation();
  return <span className={`badge stage-${stage.toLowerCase()}`}>{t(`stage.${stage}`, { defaultValue: stage })}</span>;
}

export function StatusBadge({ status }: { status: string | null | undefined }) {
  const { t } = useTranslation();
  if (!status) return null;
  const key = status.toUpperCase();
  return <span className={`badge status-${key.toLowerCase()}`}>{t(`status.${key}`, { defaultValue: status })}</span>;
}
