import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { StatusBadge, type Stage } from '../ui/Badges';
import { formatRelative } from '../ui/format';
import type { LeadRow } from './api';
import { MoveMenu } from './MoveMenu';

/** The lead's name as typed (rendered as text, never HTML), else its phone or email, else "no name". */
export function leadName(lead: Pick<LeadRow, 'name' | 'phone' | 'email'>, unnamed: string): string {
  return lead.name?.trim() || lead.phone || lead.email || unnamed;
}

export function LeadCard({
  lead,
  agentName,
  pending,
  flash,
  dragging,
  focus,
  onFocused,
  onMove,
  onDragStart,
  onDragEnd,
}: {
  lead: LeadRow;
  agentName?: string;
  pending: boolean;
  /** a line saying the card just moved by itself (a live event), or null */
  flash: string | null;
  dragging: boolean;
  focus?: boolean;
  onFocused?: () => void;
  onMove: (to: Stage) => void;
  onDragStart: () => void;
  onDragEnd: () => void;
}) {
  const { t, i18n } = useTranslation();
  const name = leadName(lead, t('pipeline:unnamed'));
  const classes = ['lead-card', pending && 'pending', flash && 'flash', dragging && 'dragging'].filter(Boolean);
  return (
    <article
      className={classes.join(' ')}
      data-testid="lead-card"
      data-lead-id={lead.id}
      data-stage={lead.stage}
      aria-busy={pending}
      draggable={!pending}
      onDragStart={(event) => {
        event.dataTransfer.setData('text/plain', lead.id);
        event.dataTransfer.effectAllowed = 'move';
        onDragStart();
      }}
      onDragEnd={onDragEnd}
    >
      <div className="lead-card-head">
        <Link to={`/leads/${lead.id}`} className="lead-card-name" draggable={false}>
          {name}
        </Link>
        <span className="lead-card-score" title={t('pipeline:score', { score: lead.score })}>
          <span className="sr-only">{t('pipeline:score', { score: lead.score })}</span>
          <span aria-hidden="true">{lead.score}</span>
        </span>
      </div>
      <div className="lead-card-tags">
        <StatusBadge status={lead.status} />
        <span className="badge">{t(`channel.${lead.channel}`, { defaultValue: lead.channel })}</span>
        {lead.humanMode && <span className="badge human">{t('pipeline:humanMode')}</span>}
        {lead.needsAttention && (
          <span className="badge attention" title={lead.attentionReason ?? undefined}>
            {t('pipeline:needsAttention')}
          </span>
        )}
        {lead.optedOut && <span className="badge">{t('pipeline:optedOut')}</span>}
        {lead.unreachable && <span className="badge">{t('pipeline:unreachable')}</span>}
      </div>
      {lead.nextAction && (
        <p className="lead-card-next muted">
          {t('pipeline:next', {
            action: t(`pipeline:action.${lead.nextAction}`, { defaultValue: lead.nextAction }),
            when: lead.nextActionAt ? formatRelative(lead.nextActionAt, i18n.language) : '',
          })}
        </p>
      )}
      {agentName && <p className="lead-card-agent muted">{t('pipeline:agentOf', { name: agentName })}</p>}
      <div className="lead-card-foot">
        {pending ? (
          <span className="muted" role="status">
            {t('pipeline:moving')}
          </span>
        ) : flash ? (
          <span className="muted live-note">{flash}</span>
        ) : (
          <span />
        )}
        <MoveMenu
          current={lead.stage}
          label={t('pipeline:moveLabel', { name })}
          disabled={pending}
          focus={focus}
          onFocused={onFocused}
          onPick={onMove}
        />
      </div>
    </article>
  );
}
