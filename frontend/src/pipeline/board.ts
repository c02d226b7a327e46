import { STAGES, type Stage } from '../ui/Badges';
import type { LeadRow } from './api';

/** The forward order; WON and LOST both close the lead, at the same rank. */
const RANK: Record<Stage, number> = {
  NEW: 0,
  PROFILING: 1,
  FINANCIAL_QUALIFICATION: 2,
  POTENTIAL: 3,
  SCHEDULED: 4,
  WON: 5,
  LOST: 5,
};

export type ReasonKind = 'won' | 'lost' | 'back';

/**
 * Why a move asks for a reason, or null when it does not: the workflow refuses WON and LOST without one,
 * and a move backwards (or reopening a closed lead) undoes the AI's work, so it is explained too.
 */
export function reasonNeeded(from: Stage, to: Stage): ReasonKind | null {
  if (to === 'LOST') return 'lost';
  if (to === 'WON') return 'won';
  if (RANK[to] < RANK[from]) return 'back';
  return null;
}

/** A move the server has accepted (or is being asked) but its lists may not show yet. */
export interface PendingMove {
  lead: LeadRow;
  to: Stage;
  /** true while the api has not answered */
  inFlight: boolean;
}

export interface Column {
  stage: Stage;
  leads: LeadRow[];
  /** the server's count, adjusted by the pending moves */
  total: number;
}

/**
 * The kanban's columns from each stage's page of leads, with pending moves applied: a moved lead leaves
 * its old column and heads its new one at once, whatever the lists say, until they catch up.
 */
export function buildColumns(
  pages: Partial<Record<Stage, { items: LeadRow[]; total: number }>>,
  pending: ReadonlyMap<string, PendingMove>,
): Column[] {
  const columns = STAGES.map((stage) => {
    const page = pages[stage];
    const leads = (page?.items ?? []).filter((lead) => {
      const move = pending.get(lead.id);
      return !move || move.to === stage;
    });
    let total = page?.total ?? 0;
    // a lead moved away that the server still lists here
    total -= (page?.items ?? []).length - leads.length;
    return { stage, leads, total };
  });
  for (const move of pending.values()) {
    const column = columns.find((c) => c.stage === move.to);
    if (!column || column.leads.some((lead) => lead.id === move.lead.id)) continue;
    column.leads = [{ ...move.lead, stage: move.to }, ...column.leads];
    column.total += 1;
  }
  return columns;
}

/** The pending moves the lists now agree with: the lead is in its new column and in no other. */
export function settledMoves(
  pages: Partial<Record<Stage, { items: LeadRow[] }>>,
  pending: ReadonlyMap<string, PendingMove>,
): string[] {
  const settled: string[] = [];
  for (const [id, move] of pending) {
    if (move.inFlight) continue;
    const where = STAGES.filter((stage) => pages[stage]?.items.some((lead) => lead.id === id));
    if (where.length === 1 && where[0] === move.to) settled.push(id);
  }
  return settled;
}
