import { useTranslation } from 'react-i18next';
import { PageHeader } from '../ui/PageHeader';
import './operations.css';
import { AttentionSection } from './AttentionSection';
import { ProvidersSection } from './ProvidersSection';
import { LlmSection } from './LlmSection';
import { LlmBudgetSection } from './LlmBudgetSection';

/** Operations (ADMIN): what needs a person, which providers fail, the day's LLM budget and what the LLM costs. */
export default function OperationsPage() {
  const { t } = useTranslation('operations');
  return (
    <div className="operations">
      <PageHeader title={t('title')}>
        <p className="muted">{t('subtitle')}</p>
      </PageHeader>
      <AttentionSection />
      <ProvidersSection />
      <LlmBudgetSection />
      <LlmSection />
    </div>
  );
}
