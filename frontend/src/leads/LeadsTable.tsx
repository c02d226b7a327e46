import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { StageBadge, StatusBadge } from '../ui/Badges';
import { formatDateTime, formatRelative } from '../ui/format';
import { useTimeZone } from '../ui/useBroker';
import type { LeadRow } from './types';
import type { SortKey, SortState } from './filters';
import { useAgentName } from './useAgentName';
import { LeadFlags } from './LeadFlags';

interface Column {
  id: string;
  label: string;
  sort?: SortKey;
}

/**
 * The leads of one page. Each row opens the lead (the name is the link, for keyboards and screen readers;
 * a click anywhere on the row does the same); sortable headers are buttons that say their order. On a
 * phone the rows become cards (leads.css).
 */
export function LeadsTable({
  leads,
  sort,
  onSort,
}: {
  leads: LeadRow[];
  sort: SortState;
  onSort: (key: SortKey) => void;
}) {
  const { t, i18n } = useTranslation('leads');
  const { t: tc } = useTranslation();
  const timeZone = useTimeZone();
  const navigate = useNavigate();
  const agentName = useAgentName();
  const columns: Column[] = [
    { id: 'name', label: t('columns.name'), sort: 'name' },
    { id: 'stage', label: t('columns.stage') },
    { id: 'score', label: t('columns.score'), sort: 'score' },
    { id: 'channel', label: t('columns.channel') },
    { id: 'agent', label: t('columns.agent') },
    { id: 'lastMessageAt', label: t('columns.lastMessageAt'), sort: 'lastMessageAt' },
    { id: 'nextAction', label: t('columns.nextAction') },
    { id: 'createdAt', label: t('columns.createdAt'), sort: 'createdAt' },
  ];

  return (
    <div className="table-wrap">
      <table className="data leads-table">
        <thead>
          <tr>
            {columns.map((c) => {
              const active = c.sort && sort.key === c.sort;
              return (
                <th
                  key={c.id}
                  scope="col"
                  aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : c.sort ? 'none' : undefined}
                >
                  {c.sort ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => onSort(c.sort!)}
                      title={t('sortBy', { column: c.label })}
                    >
                      {c.label}
                      <span aria-hidden="true" className="sort-mark">
                        {active ? (sort.descending ? '▼' : '▲') : '↕'}
                      </span>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {leads.map((lead) => (
            <tr
              key={lead.id}
              data-testid="lead-row"
              className="clickable"
              onClick={(event) => {
                // the link handles its own clicks (and ctrl/middle clicks open a tab)
                if ((event.target as HTMLElement).closest('a, button')) return;
                navigate(`/leads/${lead.id}`);
              }}
            >
              <td data-label={t('columns.name')}>
                <Link to={`/leads/${lead.id}`} className="lead-name">
                  {lead.name || t('unnamed')}
                </Link>
                <div className="muted small">{lead.phone || lead.email || ''}</div>
                <div className="flags">
                  <LeadFlags lead={lead} />
                </div>
              </td>
              <td data-label={t('columns.stage')}>
                <StageBadge stage={lead.stage} />
              </td>
              <td data-label={t('columns.score')}>
                <span className="score-cell">
                  <strong>{lead.score}</strong> <StatusBadge status={lead.status} />
                </span>
              </td>
              <td data-label={t('columns.channel')}>{tc(`channel.${lead.channel}`, { defaultValue: lead.channel })}</td>
              <td data-label={t('columns.agent')}>{agentName(lead.assignedAgentId) ?? tc('state.none')}</td>
              <td data-label={t('columns.lastMessageAt')}>
                {lead.lastMessageAt ? (
                  <time
                    dateTime={lead.lastMessageAt}
                    title={formatDateTime(lead.lastMessageAt, timeZone, i18n.language)}
                  >
                    {formatRelative(lead.lastMessageAt, i18n.language)}
                  </time>
                ) : (
                  tc('state.none')
                )}
              </td>
              <td data-label={t('columns.nextAction')}>
                {lead.nextAction ? (
                  <>
                    {t(`nextAction.${lead.nextAction}`, { defaultValue: lead.nextAction })}
                    {lead.nextActionAt && (
                      <div className="muted small">
                        <time dateTime={lead.nextActionAt}>{formatRelative(lead.nextActionAt, i18n.language)}</time>
                      </div>
                    )}
                  </>
                ) : (
                  tc('state.none')
                )}
              </td>
              <td data-label={t('columns.createdAt')}>
                <time dateTime={lead.createdAt}>{formatDateTime(lead.createdAt, timeZone, i18n.language)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The table's shape while the first page loads: same header, rows of the final height. */
export function LeadsTableSkeleton({ rows = 10 }: { rows?: number }) {
  const { t } = useTranslation('leads');
  const { t: tc } = useTranslation();
  const labels = ['name', 'stage', 'score', 'channel', 'agent', 'lastMessageAt', 'nextAction', 'createdAt'];
  return (
    <div className="table-wrap" role="status" aria-label={tc('state.loading')}>
      <table className="data leads-table">
        <thead>
          <tr>
            {labels.map((l) => (
              <th key={l} scope="col">
                {t(`columns.${l}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, i) => (
            <tr key={i} className="skeleton-row">
              {labels.map((l) => (
                <td key={l} data-label={t(`columns.${l}`)}>
                  <div className="skeleton-line" style={{ height: 16 }} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
