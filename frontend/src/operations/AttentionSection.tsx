import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { QueryState, Skeleton } from '../ui/States';
import { DataTable } from '../ui/DataTable';
import { formatDateTime, formatRelative } from '../ui/format';
import { useTimeZone } from '../ui/useBroker';
import { Toast } from '../ui/Toast';

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

/** Leads whose workflow gave up a step: the reason, since when, and a Retry that resumes the step. */
export function AttentionSection() {
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
    onError: (error, lead) =>
      setFailed((now) => ({ ...now, [lead.id]: error instanceof Error ? error.message : String(error) })),
  });

  return (
    <section className="card section" aria-labelledby="ops-attention">
      <h2 id="ops-attention">{t('attention.title')}</h2>
      <QueryState query={leads} skeleton={<Skeleton lines={4} />}>
        {(page) => (
          <>
            <DataTable
              rows={page.items}
              rowKey={(lead) => lead.id}
              rowTestId="attention-row"
              empty={t('attention.empty')}
              columns={[
                {
                  header: t('attention.lead'),
                  label: false,
                  cell: (lead) => (
                    <>
                      <Link to={`/leads/${lead.id}`}>{lead.name || t('attention.unnamed')}</Link>
                      <div className="muted small">
                        {t(`common:channel.${lead.channel}`, { defaultValue: lead.channel })}
                      </div>
                    </>
                  ),
                },
                {
                  header: t('attention.reason'),
                  className: 'reason',
                  cell: (lead) => lead.attentionReason || t('attention.noReason'),
                },
                {
                  header: t('attention.since'),
                  cell: (lead) => (
                    <time dateTime={lead.updatedAt} title={formatDateTime(lead.updatedAt, timeZone, i18n.language)}>
                      {formatRelative(lead.updatedAt, i18n.language)}
                    </time>
                  ),
                },
                {
                  header: t('attention.action'),
                  label: false,
                  cell: (lead) => {
                    const busy = retry.isPending && retry.variables?.id === lead.id;
                    return (
                      <>
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
                      </>
                    );
                  },
                },
              ]}
            />
            {page.total > page.items.length && (
              <p className="muted small">{t('attention.more', { shown: page.items.length, total: page.total })}</p>
            )}
          </>
        )}
      </QueryState>
      <Toast message={toast} onDone={() => setToast(null)} />
    </section>
  );
}
