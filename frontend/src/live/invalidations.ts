import { queryKeys } from '../api/queryKeys';

/** One event of `GET /api/v1/events` (the api's LiveEvent). */
export interface LiveEvent {
  id: string | null;
  type: string;
  brokerSlug: string | null;
  leadId: string | null;
  workflowId: string | null;
  data: Record<string, unknown> | null;
}

type Key = readonly unknown[];

/**
 * The cached queries an event makes stale. Lists are refetched rather than patched: the read model is the
 * truth and a refetch of one page is cheap; the detail of the lead the event names is refetched too.
 * `resync` (the server could not replay everything missed) refreshes everything.
 */
export function invalidationsFor(event: Pick<LiveEvent, 'type' | 'leadId'>): Key[] | 'all' {
  const lead: Key[] = event.leadId ? [queryKeys.lead(event.leadId)] : [];
  switch (event.type) {
    case 'resync':
      return 'all';
    case 'message':
      return [...lead, queryKeys.inbox, ['leads', 'list']];
    case 'stage_changed':
      return [...lead, ['leads', 'list'], queryKeys.pipeline];
    case 'lead_updated':
    case 'lead_assigned':
      return [...lead, ['leads', 'list'], queryKeys.pipeline, queryKeys.inbox];
    case 'human_mode_changed':
      return [...lead, queryKeys.inbox, ['leads', 'list']];
    case 'appointment_booked':
      return [...lead, queryKeys.appointments, queryKeys.pipeline];
    case 'call_status':
      return [...lead, queryKeys.calls];
    case 'needs_attention':
      return [...lead, queryKeys.operations, ['leads', 'list']];
    case 'notification':
      return [queryKeys.inbox, queryKeys.operations];
    case 'task_created':
    case 'task_updated':
      // the lead's key covers its tasks card
      return [...lead, queryKeys.tasks];
    case 'calendar_status':
      return [queryKeys.calendar];
    default:
      return lead;
  }
}
