import { useTranslation } from 'react-i18next';
import { formatDateTime, formatMoney } from '../../ui/format';
import { useTimeZone } from '../../ui/useBroker';
import type { LeadDetail } from '../types';
import { useAgentName } from '../useAgentName';
import { Section } from './Section';

/** What the AI learned about the lead: the workflow's fields when it answered, else the read model's. */
export function ProfileCard({ lead }: { lead: LeadDetail }) {
  const { t, i18n } = useTranslation('leads');
  const { t: tc } = useTranslation();
  const timeZone = useTimeZone();
  const agentName = useAgentName();
  const f = lead.live?.fields;
  const pick = <T,>(live: T | null | undefined, row: T | null | undefined) => live ?? row ?? null;
  const dicom = pick(f?.dicom, lead.dicomStatus);
  const none = tc('state.none');
  const rows: [string, string | null | undefined][] = [
    ['name', pick(f?.name, lead.name)],
    ['phone', pick(f?.phone, lead.phone)],
    ['email', pick(f?.email, lead.email)],
    ['zone', pick(f?.zone, lead.zone)],
    ['propertyType', pick(f?.propertyType, lead.propertyType)],
    ['bedrooms', pick(f?.bedrooms, lead.bedrooms)?.toString()],
    [
      'budget',
      (() => {
        const v = pick(f?.budgetClp, lead.budgetClp);
        return v === null ? null : formatMoney(v, i18n.language);
      })(),
    ],
    [
      'income',
      (() => {
        const v = pick(f?.monthlyIncomeClp, lead.monthlyIncomeClp);
        return v === null ? null : formatMoney(v, i18n.language);
      })(),
    ],
    ['dicom', dicom ? t(`detail.dicom.${dicom}`, { defaultValue: dicom }) : null],
    ['timeline', pick(f?.timeline, lead.timeline)],
    ['channel', tc(`channel.${lead.channel}`, { defaultValue: lead.channel })],
    ['source', lead.source],
    ['tags', lead.tags?.length ? lead.tags.join(', ') : null],
    ['agent', agentName(lead.assignedAgentId)],
    ['createdAt', formatDateTime(lead.createdAt, timeZone, i18n.language)],
    ['lastMessageAt', lead.lastMessageAt ? formatDateTime(lead.lastMessageAt, timeZone, i18n.language) : null],
  ];
  return (
    <Section title={t('detail.profile')} id="lead-profile" testId="lead-profile">
      <dl className="fields">
        {rows.map(([key, value]) => (
          <div key={key} className={`field field-${key}`}>
            <dt>{t(`detail.fields.${key}`)}</dt>
            <dd className={dicom === 'DIRTY' && key === 'dicom' ? 'danger' : undefined}>{value ?? none}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}
