import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState, ErrorState } from '../ui/States';
import { useTimeZone } from '../ui/useBroker';
import { useLeadList } from './api';
import {
  apiQuery,
  hasFilters,
  PAGE_SIZE,
  pageOf,
  parseSort,
  sortParam,
  toggleSort,
  withChanges,
  type SortKey,
} from './filters';
import { LeadFilters } from './LeadFilters';
import { LeadsTable, LeadsTableSkeleton } from './LeadsTable';
import { ImportDialog } from './ImportDialog';
import { NewLeadDialog } from './NewLeadDialog';
import './leads.css';

/** `/leads`: every lead the user may see, filtered, searched, sorted and paged from the URL. */
export default function LeadsPage() {
  const { t } = useTranslation('leads');
  const { t: tc } = useTranslation();
  const [params, setParams] = useSearchParams();
  const timeZone = useTimeZone();
  const [dialog, setDialog] = useState<'import' | 'new' | null>(null);
  const query = apiQuery(params, timeZone);
  const list = useLeadList(query);
  const sort = parseSort(params.get('sort'));
  const page = pageOf(params);

  const change = (changes: Record<string, string | null>) =>
    setParams(withChanges(params, changes), { replace: false });
  const onSort = (key: SortKey) => change({ sort: sortParam(toggleSort(sort, key)) });

  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const from = data && data.items.length ? data.offset + 1 : 0;
  const to = data ? data.offset + data.items.length : 0;

  return (
    <div className="leads-page">
      <PageHeader
        title={t('title')}
        actions={
          <>
            <button type="button" className="btn" onClick={() => setDialog('import')}>
              {t('importCsv')}
            </button>
            <button type="button" className="btn primary" onClick={() => setDialog('new')}>
              {t('newLead')}
            </button>
          </>
        }
      >
        <p className="muted" aria-live="polite" data-testid="lead-count">
          {data ? t('count', { count: data.total }) : '\u00a0'}
        </p>
      </PageHeader>

      <LeadFilters params={params} onChange={change} />

      <div className={`leads-results ${list.isPlaceholderData ? 'stale' : ''}`} aria-busy={list.isFetching}>
        {list.isPending ? (
          <LeadsTableSkeleton />
        ) : list.error && !data ? (
          <ErrorState error={list.error} onRetry={() => list.refetch()} />
        ) : data && data.items.length === 0 ? (
          <EmptyState title={hasFilters(params) ? t('empty') : t('emptyAll')} />
        ) : data ? (
          <>
            <LeadsTable leads={data.items} sort={sort} onSort={onSort} />
            <nav className="pager" aria-label={t('pager')}>
              <button
                type="button"
                className="btn small"
                disabled={page <= 1}
                onClick={() => change({ page: page - 1 > 1 ? String(page - 1) : null })}
              >
                {tc('state.previous')}
              </button>
              <span className="muted">
                {t('range', { from, to, total: data.total })} · {t('page', { page, pages })}
              </span>
              <button
                type="button"
                className="btn small"
                disabled={page >= pages}
                onClick={() => change({ page: String(page + 1) })}
              >
                {tc('state.next')}
              </button>
            </nav>
          </>
        ) : null}
      </div>

      {dialog === 'import' && <ImportDialog onClose={() => setDialog(null)} />}
      {dialog === 'new' && <NewLeadDialog onClose={() => setDialog(null)} />}
    </div>
  );
}
