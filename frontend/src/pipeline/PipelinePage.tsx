import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation, useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useLiveEvent } from '../live/LiveEvents';
import { PageHeader } from '../ui/PageHeader';
import { STAGES, type Stage } from '../ui/Badges';
import { leadListQuery, useAgents } from '../leads/api';
import type { LeadPage, LeadRow } from './api';
import { buildColumns, reasonNeeded, settledMoves, type PendingMove, type ReasonKind } from './board';
import { KanbanColumn } from './KanbanColumn';
import { MoveDialog } from './MoveDialog';
import { leadName } from './LeadCard';
import './pipeline.css';

const PAGE = 50;
const MAX_PAGE = 200;
/** How long a move the api accepted overrides lists that do not show it yet. */
const SETTLE_MS = 15_000;
const FLASH_MS = 4_000;

interface Asking {
  lead: LeadRow;
  to: Stage;
  kind: ReasonKind;
  error: string | null;
}

/**
 * The columns' queries and the pages loaded so far, by stage. As useQueries' combine (defined once, out of
 * the component) the result changes only when a query's does, so effects can depend on `pages`.
 */
function byStage(results: UseQueryResult<LeadPage>[]) {
  const pages: Partial<Record<Stage, LeadPage>> = {};
  STAGES.forEach((stage, i) => {
    if (results[i].data) pages[stage] = results[i].data;
  });
  return { results, pages };
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * The kanban: one column per stage, each a `GET /api/v1/leads?stage=…` page. A card moves by drag and drop
 * or by its "Mover a…" menu; WON, LOST and backward moves ask a reason first. The move shows at once and
 * stays until the lists (refreshed by the api's stage_changed and lead_updated events) agree, or goes back
 * with the workflow's own words when it refuses.
 */
export default function PipelinePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const agents = useAgents();
  const [search, setSearch] = useState('');
  const [agentId, setAgentId] = useState('');
  const [limits, setLimits] = useState<Partial<Record<Stage, number>>>({});
  const [pending, setPending] = useState<Map<string, PendingMove>>(() => new Map());
  const [asking, setAsking] = useState<Asking | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState<LeadRow | null>(null);
  const [flashes, setFlashes] = useState<Map<string, string>>(() => new Map());
  // the card whose "Mover a…" button takes the focus once it lands (a moved card is a new element)
  const [focusLead, setFocusLead] = useState<string | null>(null);
  const focused = useCallback(() => setFocusLead(null), []);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  const term = useDebounced(search.trim(), 300);

  useEffect(() => {
    const all = timers.current;
    return () => all.forEach(clearTimeout);
  }, []);
  const later = useCallback((fn: () => void, ms: number) => {
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      fn();
    }, ms);
    timers.current.add(timer);
  }, []);

  const { results, pages } = useQueries({
    queries: STAGES.map((stage) =>
      leadListQuery({
        stage: [stage],
        search: term || undefined,
        agentId: agentId || undefined,
        limit: limits[stage] ?? PAGE,
      }),
    ),
    combine: byStage,
  });
  const columns = buildColumns(pages, pending);

  const forget = useCallback((id: string) => {
    setPending((now) => {
      if (!now.has(id)) return now;
      const next = new Map(now);
      next.delete(id);
      return next;
    });
  }, []);

  // a pending move ends once the lists show it
  useEffect(() => {
    const settled = settledMoves(pages, pending);
    if (settled.length) settled.forEach(forget);
  }, [pages, pending, forget]);

  // cards moved by the AI (or a colleague) while watching: a short highlight where they land
  useLiveEvent((event) => {
    if (event.type !== 'stage_changed' || !event.leadId || pending.has(event.leadId)) return;
    const id = event.leadId;
    const byAi = (event.data as { actor?: string } | null)?.actor === 'ai';
    setFlashes((now) => new Map(now).set(id, t(byAi ? 'pipeline:liveMoved' : 'pipeline:liveMovedBy')));
    later(
      () =>
        setFlashes((now) => {
          const next = new Map(now);
          next.delete(id);
          return next;
        }),
      FLASH_MS,
    );
  });

  const move = useMutation({
    mutationFn: ({ lead, to, reason }: { lead: LeadRow; to: Stage; reason?: string }) =>
      api(`/api/v1/leads/${lead.id}/stage`, { method: 'POST', body: reason ? { stage: to, reason } : { stage: to } }),
  });

  const perform = useCallback(
    async (lead: LeadRow, to: Stage, reason?: string, fromDialog = false) => {
      const name = leadName(lead, t('pipeline:unnamed'));
      const stage = t(`stage.${to}`);
      setRefusal(null);
      setPending((now) => new Map(now).set(lead.id, { lead, to, inFlight: true }));
      try {
        await move.mutateAsync({ lead, to, reason });
        setPending((now) => new Map(now).set(lead.id, { lead, to, inFlight: false }));
        later(() => forget(lead.id), SETTLE_MS);
        setAnnouncement(t('pipeline:moved', { name, stage }));
        setFocusLead(lead.id);
        if (fromDialog) setAsking(null);
        void queryClient.invalidateQueries({ queryKey: ['leads', 'list'] });
        void queryClient.invalidateQueries({ queryKey: queryKeys.pipeline });
      } catch (error) {
        forget(lead.id);
        const detail = error instanceof ApiError ? error.message : String(error);
        if (fromDialog) {
          setAsking((now) => (now ? { ...now, error: detail } : now));
        } else {
          setRefusal(t('pipeline:refused', { name, stage, detail }));
          setFocusLead(lead.id);
        }
      }
    },
    [forget, later, move, queryClient, t],
  );

  const requestMove = useCallback(
    (lead: LeadRow, to: Stage) => {
      if (lead.stage === to || pending.get(lead.id)?.inFlight) return;
      const kind = reasonNeeded(lead.stage, to);
      if (kind) setAsking({ lead, to, kind, error: null });
      else void perform(lead, to);
    },
    [pending, perform],
  );

  const admin = agents.allowed;
  return (
    <div className="pipeline-page">
      <PageHeader title={t('pipeline:title')}>
        <p className="muted">{t('pipeline:subtitle')}</p>
      </PageHeader>
      <div className="form-row pipeline-filters">
        <label>
          {t('state.search')}
          <input
            type="search"
            value={search}
            placeholder={t('pipeline:search')}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        {admin && (
          <label>
            {t('pipeline:agent')}
            <select value={agentId} onChange={(e) => setAgentId(e.target.value)}>
              <option value="">{t('pipeline:allAgents')}</option>
              {agents.users.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.fullName}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {refusal && (
        <div className="banner error" role="alert">
          <span>{refusal}</span>
          <button type="button" className="btn small ghost" onClick={() => setRefusal(null)}>
            {t('pipeline:dismiss')}
          </button>
        </div>
      )}
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="kanban">
        {columns.map((column, i) => (
          <KanbanColumn
            key={column.stage}
            column={column}
            query={results[i]}
            pending={pending}
            flashes={flashes}
            agentNames={admin ? agents.names : undefined}
            dragging={dragging}
            focusLead={focusLead}
            onFocused={focused}
            onDragStart={setDragging}
            onDragEnd={() => setDragging(null)}
            onDrop={(to) => {
              if (dragging) requestMove(dragging, to);
              setDragging(null);
            }}
            onMove={requestMove}
            onMore={() =>
              setLimits((now) => ({ ...now, [column.stage]: Math.min(MAX_PAGE, (now[column.stage] ?? PAGE) + PAGE) }))
            }
            canShowMore={(limits[column.stage] ?? PAGE) < MAX_PAGE}
          />
        ))}
      </div>
      {asking && (
        <MoveDialog
          name={leadName(asking.lead, t('pipeline:unnamed'))}
          to={asking.to}
          kind={asking.kind}
          busy={!!pending.get(asking.lead.id)?.inFlight}
          error={asking.error}
          onSubmit={(reason) => void perform(asking.lead, asking.to, reason, true)}
          onCancel={() => setAsking(null)}
        />
      )}
    </div>
  );
}
