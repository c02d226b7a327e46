import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../ui/Badges';
import type { LeadRow } from './api';
import type { Column, PendingMove } from './board';
import { LeadCard } from './LeadCard';

/** A stage's column: its count, its cards, a drop target while a card is dragged over it. */
export function KanbanColumn({
  column,
  query,
  pending,
  flashes,
  agentNames,
  dragging,
  focusLead,
  onFocused,
  onDragStart,
  onDragEnd,
  onDrop,
  onMove,
  onMore,
  canShowMore,
}: {
  column: Column;
  query: { isPending: boolean; error: unknown; refetch: () => unknown; isFetching: boolean };
  pending: ReadonlyMap<string, PendingMove>;
  flashes: ReadonlyMap<string, string>;
  agentNames?: ReadonlyMap<string, string>;
  dragging: LeadRow | null;
  focusLead: string | null;
  onFocused: () => void;
  onDragStart: (lead: LeadRow) => void;
  onDragEnd: () => void;
  onDrop: (to: Stage) => void;
  onMove: (lead: LeadRow, to: Stage) => void;
  onMore: () => void;
  canShowMore: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [over, setOver] = useState(false);
  const { stage, leads, total } = column;
  const droppable = !!dragging && dragging.stage !== stage;

  let body;
  if (query.isPending && leads.length === 0) {
    body = (
      <div className="kanban-skeleton" role="status" aria-label={t('state.loading')}>
        {[0, 1, 2].map((i) => (
          <div key={i} className="skeleton-line lead-card-skeleton" />
        ))}
      </div>
    );
  } else if (query.error && leads.length === 0) {
    body = (
      <div className="kanban-error" role="alert">
        <p>{t('pipeline:columnLoadError')}</p>
        <button type="button" className="btn small" onClick={() => query.refetch()}>
          {t('state.retry')}
        </button>
      </div>
    );
  } else if (leads.length === 0) {
    body = <p className="kanban-empty muted">{t('pipeline:emptyColumn')}</p>;
  } else {
    body = (
      <ul className="kanban-cards">
        {leads.map((lead) => (
          <li key={lead.id}>
            <LeadCard
              lead={lead}
              agentName={lead.assignedAgentId ? agentNames?.get(lead.assignedAgentId) : undefined}
              pending={!!pending.get(lead.id)?.inFlight}
              flash={flashes.get(lead.id) ?? null}
              dragging={dragging?.id === lead.id}
              focus={focusLead === lead.id}
              onFocused={onFocused}
              onMove={(to) => onMove(lead, to)}
              onDragStart={() => onDragStart(lead)}
              onDragEnd={onDragEnd}
            />
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section
      className={`kanban-column stage-col-${stage.toLowerCase()} ${over && droppable ? 'drop-over' : ''} ${droppable ? 'droppable' : ''}`}
      data-testid={`kanban-column-${stage}`}
      aria-labelledby={headingId}
      onDragOver={(event) => {
        if (!droppable) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        if (!over) setOver(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        if (droppable) onDrop(stage);
      }}
    >
      <header className="kanban-column-head">
        <h2 id={headingId}>{t(`stage.${stage}`)}</h2>
        <span className="kanban-count" aria-label={t('pipeline:count', { count: total })}>
          {total}
        </span>
      </header>
      {body}
      {leads.length < total && (
        <div className="kanban-more">
          <span className="muted">{t('pipeline:showing', { shown: leads.length, total })}</span>
          {canShowMore && (
            <button type="button" className="btn small" onClick={onMore} disabled={query.isFetching}>
              {t('pipeline:more')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
