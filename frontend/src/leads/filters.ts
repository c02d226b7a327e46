import type { Query } from '../api/client';
import { startOfDayIn } from '../ui/calendarTime';

/**
 * The leads list's state lives in the URL (shareable, survives a reload, the back button undoes a filter):
 * `?q=&stage=NEW,POTENTIAL&status=&channel=&agent=<id>|none&attention=1&human=1&scoreMin=&scoreMax=
 * &from=&to=&contactFrom=&contactTo=&sort=-score&page=2`. This turns it into `GET /api/v1/leads`'s query.
 */
export const PAGE_SIZE = 25;

export const SORTS = ['activity', 'name', 'score', 'lastMessageAt', 'createdAt', 'updatedAt'] as const;
export type SortKey = (typeof SORTS)[number];

/** The direction a column sorts in on its first click: names A→Z, everything else largest/newest first. */
export function firstDirection(key: SortKey): 'asc' | 'desc' {
  return key === 'name' ? 'asc' : 'desc';
}

export interface SortState {
  key: SortKey;
  descending: boolean;
}

export function parseSort(raw: string | null): SortState {
  if (!raw) return { key: 'activity', descending: true };
  const descending = raw.startsWith('-');
  const name = raw.replace(/^[-+]/, '');
  const key = SORTS.find((k) => k === name);
  return key ? { key, descending } : { key: 'activity', descending: true };
}

export function sortParam(sort: SortState): string | null {
  if (sort.key === 'activity' && sort.descending) return null; // the api's default: kept out of the URL
  return `${sort.descending ? '-' : ''}${sort.key}`;
}

/** The next sort when a column header is clicked: its first direction, then the other. */
export function toggleSort(current: SortState, key: SortKey): SortState {
  if (current.key !== key) return { key, descending: firstDirection(key) === 'desc' };
  return { key, descending: !current.descending };
}

function list(raw: string | null): string[] {
  return raw
    ? raw
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : [];
}

function int(raw: string | null): number | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isInteger(n) ? n : undefined;
}

function flag(raw: string | null): boolean | undefined {
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  return undefined;
}

export function pageOf(params: URLSearchParams): number {
  const page = int(params.get('page'));
  return page && page > 0 ? page : 1;
}

/** `GET /api/v1/leads`'s query for the URL's search params; dates are days in the broker's `timeZone`. */
export function apiQuery(params: URLSearchParams, timeZone: string, pageSize = PAGE_SIZE): Query {
  const agent = params.get('agent');
  const day = (name: string, plusDays = 0) => {
    const value = params.get(name);
    return value ? (startOfDayIn(value, timeZone, plusDays) ?? undefined) : undefined;
  };
  return {
    search: params.get('q')?.trim() || undefined,
    stage: list(params.get('stage')),
    status: list(params.get('status')),
    channel: list(params.get('channel')),
    agentId: agent && agent !== 'none' ? agent : undefined,
    unassigned: agent === 'none' ? true : undefined,
    needsAttention: flag(params.get('attention')),
    humanMode: flag(params.get('human')),
    scoreMin: int(params.get('scoreMin')),
    scoreMax: int(params.get('scoreMax')),
    createdFrom: day('from'),
    // "until the 5th" includes the 5th: the api's end is exclusive
    createdTo: day('to', 1),
    lastContactFrom: day('contactFrom'),
    lastContactTo: day('contactTo', 1),
    sort: sortParam(parseSort(params.get('sort'))) ?? undefined,
    limit: pageSize,
    offset: (pageOf(params) - 1) * pageSize,
  };
}

/** Whether any filter (not sort or page) is set. */
export function hasFilters(params: URLSearchParams): boolean {
  return FILTER_PARAMS.some((name) => !!params.get(name));
}

export const FILTER_PARAMS = [
  'q',
  'stage',
  'status',
  'channel',
  'agent',
  'attention',
  'human',
  'scoreMin',
  'scoreMax',
  'from',
  'to',
  'contactFrom',
  'contactTo',
] as const;

/**
 * `params` with `changes` applied (empty values removed). Any change but the page's goes back to page 1:
 * page 4 of another filter is rarely what was meant.
 */
export function withChanges(
  params: URLSearchParams,
  changes: Record<string, string | null | undefined>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  }
  if (!('page' in changes)) next.delete('page');
  return next;
}
