import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useAuth } from '../auth/AuthProvider';
import { StageBadge } from '../ui/Badges';
import { formatRelative } from '../ui/format';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState, ErrorState, Skeleton } from '../ui/States';
import { useLeadAction } from '../leads/api';
import { formatDuration, millis, useNow } from '../ui/time';
import { clockLevel } from '../leads/clock';
import { TasksSection } from '../tasks/TasksSection';
import type { Inbox, InboxItem } from './types';
import './inbox.css';

/** Oldest wait first; a lead without a clock (its workflow did not answer) goes last. */
export function byWait(a: InboxItem, b: InboxItem): number {
  const ta = millis(a.humanWaitingSince ?? a.humanSince ?? a.waitingSince) ?? Number.MAX_SAFE_INTEGER;
  const tb = millis(b.humanWaitingSince ?? b.humanSince ?? b.waitingSince) ?? Number.MAX_SAFE_INTEGER;
  return ta - tb || a.id.localeCompare(b.id);
}

/**
 * `/inbox`: leads waiting for a human — in human mode, or asking for a person — the longest wait first, each
 * with its clock coloured at 15, 30 and 60 minutes (when the workflow reminds the agent, alerts the admin,
 * and gives the lead back to the AI); then the open tasks for humans. Live: events about human mode,
 * messages and tasks refetch it.
 */
export default function InboxPage() {
  const { t } = useTranslation('inbox');
  const inbox = useQuery({
    queryKey: queryKeys.inbox,
    queryFn: ({ signal }) => api<Inbox>('/api/v1/leads/inbox', { signal }),
    // the clocks tick locally; this catches a change an event did not announce
    refetchInterval: 60_000,
  });
  const now = useNow(1000);

  return (
    <div className="inbox-page">
      <PageHeader title={t('title')}>
        <p className="muted">{t('subtitle')}</p>
      </PageHeader>
      <h2 className="inbox-heading">{t('waitingTitle')}</h2>
      <p className="muted small inbox-legend">{t('legend')}</p>
      {inbox.isPending ? (
        <ul className="inbox-list" aria-busy="true">
          {Array.from({ length: 4 }, (_, i) => (
            <li key={i} className="card inbox-item">
              <Skeleton lines={2} height={20} />
            </li>
          ))}
        </ul>
      ) : !inbox.data ? (
        <ErrorState error={inbox.error} onRetry={() => inbox.refetch()} />
      ) : inbox.data.items.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <ul className="inbox-list" data-testid="inbox">
          {[...inbox.data.items].sort(byWait).map((item) => (
            <InboxRow key={item.id} item={item} now={now} />
          ))}
        </ul>
      )}
      <TasksSection />
    </div>
  );
}

function InboxRow({ item, now }: { item: InboxItem; now: number }) {
  const { t, i18n } = useTranslation('inbox');
  const { t: tl } = useTranslation('leads');
  const { me } = useAuth();
  const takeOver = useLeadAction(item.id);
  const navigate = useNavigate();
  const waiting = millis(item.humanWaitingSince);
  const since = waiting ?? millis(item.humanSince);
  const elapsed = since === null ? null : now - since;
  const level = elapsed === null ? 0 : clockLevel(elapsed);
  const holder = item.humanUserId
    ? item.humanUserId === me?.id
      ? t('heldByYou')
      : item.humanUserName
        ? t('heldBy', { name: item.humanUserName })
        : t('heldBySomeone')
    : null;

  return (
    <li className={`card inbox-item level-${level}`} data-testid="inbox-item" data-level={level}>
      <div className="inbox-main">
        <Link to={`/leads/${item.id}`} className="lead-name">
          {item.name || tl('unnamed')}
        </Link>
        <div className="inbox-badges">
          <StageBadge stage={item.stage} />
          {item.requested ? (
            <span className="badge flag-attention">{t('requested')}</span>
          ) : (
            holder && <span className="badge flag-human">{holder}</span>
          )}
        </div>
        {item.lastMessageAt && (
          <div className="muted small">
            {t('lastMessage', { when: formatRelative(item.lastMessageAt, i18n.language, now) })}
          </div>
        )}
      </div>
      <div className="inbox-clock">
        {elapsed === null ? (
          <span className="muted small">{t('unknown')}</span>
        ) : (
          <span className={`clock level-${level}`} data-testid="inbox-clock" title={t(`level.${level}`)}>
            <span className="clock-label">{waiting !== null ? t('waiting') : t('inHumanMode')}</span>
            <span className="clock-value">{formatDuration(elapsed)}</span>
            <span className="sr-only"> ({t(`level.${level}`)})</span>
          </span>
        )}
        {item.requested && (
          <button
            type="button"
            className="btn small primary"
            disabled={takeOver.isPending}
            onClick={() => takeOver.mutate({ kind: 'takeover' }, { onSuccess: () => navigate(`/leads/${item.id}`) })}
          >
            {t('takeOver')}
          </button>
        )}
        {takeOver.error && (
          <span className="form-error small" role="alert">
            {takeOver.error.message}
          </span>
        )}
      </div>
    </li>
  );
}
