import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthProvider';
import { STAGES } from '../ui/Badges';
import { useUsers } from './api';
import { FILTER_PARAMS, hasFilters } from './filters';

const STATUSES = ['COLD', 'WARM', 'HOT', 'QUALIFIED'];
const CHANNELS = ['TELEGRAM', 'WEBCHAT', 'IMPORT', 'MANUAL'];

type Change = (changes: Record<string, string | null>) => void;

/** The list's filters, read from and written to the URL's search params. */
export function LeadFilters({ params, onChange }: { params: URLSearchParams; onChange: Change }) {
  const { t } = useTranslation('leads');
  const { t: tc } = useTranslation();
  const { me } = useAuth();
  const manager = me?.role === 'ADMIN' || me?.role === 'SUPERADMIN';
  const users = useUsers();
  const agents = (users.data ?? []).filter((u) => u.active && (!me?.broker_id || u.brokerId === me.broker_id));

  // the search box types freely; the URL (and the request) follows 300 ms after the last key
  const urlSearch = params.get('q') ?? '';
  const [search, setSearch] = useState(urlSearch);
  // a new address (a link, Back) brings its own search into the box, during render rather than after it
  const [shownFor, setShownFor] = useState(urlSearch);
  if (shownFor !== urlSearch) {
    setShownFor(urlSearch);
    setSearch(urlSearch);
  }
  const commitSearch = useEffectEvent((typed: string) => {
    if (typed !== urlSearch) onChange({ q: typed || null });
  });
  useEffect(() => {
    const timer = setTimeout(() => commitSearch(search), 300);
    return () => clearTimeout(timer);
  }, [search]);

  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <label className="filter">
      {label}
      <select value={params.get(name) ?? ''} onChange={(e) => onChange({ [name]: e.target.value || null })}>
        <option value="">{tc('state.all')}</option>
        {params.get(name)?.includes(',') && <option value={params.get(name)!}>{params.get(name)}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  const check = (name: string, label: string) => (
    <label className="filter check">
      <input
        type="checkbox"
        checked={params.get(name) === '1'}
        onChange={(e) => onChange({ [name]: e.target.checked ? '1' : null })}
      />
      {label}
    </label>
  );

  const input = (name: string, label: string, type: 'number' | 'date', extra: Record<string, string> = {}) => (
    <label className="filter">
      {label}
      <input
        type={type}
        value={params.get(name) ?? ''}
        onChange={(e) => onChange({ [name]: e.target.value || null })}
        {...extra}
      />
    </label>
  );

  const advanced = ['scoreMin', 'scoreMax', 'from', 'to', 'contactFrom', 'contactTo'].some((n) => params.get(n));

  return (
    <form
      role="search"
      aria-label={t('filters.label')}
      className="card lead-filters"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="form-row">
        <label className="filter grow">
          {t('filters.search')}
          <input
            type="search"
            value={search}
            placeholder={t('filters.searchPlaceholder')}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') onChange({ q: search || null });
            }}
          />
        </label>
        {select(
          'stage',
          t('filters.stage'),
          STAGES.map((s) => ({ value: s, label: tc(`stage.${s}`) })),
        )}
        {select(
          'status',
          t('filters.status'),
          STATUSES.map((s) => ({ value: s, label: tc(`status.${s}`) })),
        )}
        {select(
          'channel',
          t('filters.channel'),
          CHANNELS.map((c) => ({ value: c, label: tc(`channel.${c}`) })),
        )}
        {manager && (
          <label className="filter">
            {t('filters.agent')}
            <select value={params.get('agent') ?? ''} onChange={(e) => onChange({ agent: e.target.value || null })}>
              <option value="">{t('filters.anyAgent')}</option>
              <option value="none">{t('filters.unassigned')}</option>
              {agents.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.fullName}
                </option>
              ))}
            </select>
          </label>
        )}
        {check('attention', t('filters.needsAttention'))}
        {check('human', t('filters.humanMode'))}
      </div>
      <details className="more-filters" open={advanced || undefined}>
        <summary>{t('filters.more')}</summary>
        <div className="form-row">
          {input('scoreMin', t('filters.scoreMin'), 'number', { min: '0', max: '100' })}
          {input('scoreMax', t('filters.scoreMax'), 'number', { min: '0', max: '100' })}
          {input('from', t('filters.createdFrom'), 'date')}
          {input('to', t('filters.createdTo'), 'date')}
          {input('contactFrom', t('filters.lastContactFrom'), 'date')}
          {input('contactTo', t('filters.lastContactTo'), 'date')}
        </div>
      </details>
      {hasFilters(params) && (
        <button
          type="button"
          className="btn ghost small"
          onClick={() => {
            setSearch('');
            onChange(Object.fromEntries(FILTER_PARAMS.map((n) => [n, null])));
          }}
        >
          {t('filters.clear')}
        </button>
      )}
    </form>
  );
}
