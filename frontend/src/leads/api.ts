import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useAuth } from '../auth/AuthProvider';
import type {
  AppointmentRow,
  CallPage,
  DashboardConfig,
  FreeSlots,
  LeadDetail,
  LeadPage,
  LeadView,
  StageMove,
  UserView,
} from './types';
import type { ChatMessage } from '../conversations/types';

/**
 * `GET /api/v1/leads` for an api query (the list's, built from the URL by filters.ts; a pipeline column's; the
 * home page's), cached under `['leads', 'list', query]` so every lead event refreshes it. The previous page
 * stays on screen while the next loads: no jump to a skeleton on every filter change.
 */
export function leadListQuery(query: Query) {
  return queryOptions({
    queryKey: queryKeys.leadList(query),
    queryFn: ({ signal }) => api<LeadPage>('/api/v1/leads', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useLeadList(query: Query) {
  return useQuery(leadListQuery(query));
}

export function useLead(id: string) {
  return useQuery({
    queryKey: queryKeys.lead(id),
    queryFn: ({ signal }) => api<LeadDetail>(`/api/v1/leads/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useLeadMessages(id: string) {
  return useQuery({
    queryKey: queryKeys.leadMessages(id),
    queryFn: ({ signal }) => api<ChatMessage[]>(`/api/v1/leads/${encodeURIComponent(id)}/messages`, { signal }),
  });
}

export function useStageHistory(id: string) {
  return useQuery({
    queryKey: queryKeys.leadStages(id),
    queryFn: ({ signal }) => api<StageMove[]>(`/api/v1/leads/${encodeURIComponent(id)}/stage-history`, { signal }),
  });
}

export function useLeadCalls(id: string) {
  return useQuery({
    queryKey: queryKeys.leadCalls(id),
    queryFn: ({ signal }) => api<CallPage>('/api/v1/calls', { query: { leadId: id, limit: 50 }, signal }),
  });
}

const DAY = 86_400_000;

/** The lead's visits from half a year back to half a year ahead (the api allows a 366-day window). */
export function useLeadAppointments(id: string) {
  return useQuery({
    queryKey: queryKeys.leadAppointments(id),
    queryFn: ({ signal }) => {
      const now = Date.now();
      return api<AppointmentRow[]>('/api/v1/appointments', {
        query: {
          leadId: id,
          from: new Date(now - 180 * DAY).toISOString(),
          to: new Date(now + 180 * DAY).toISOString(),
        },
        signal,
      });
    },
  });
}

export function useFreeSlots(id: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.leadSlots(id),
    queryFn: ({ signal }) =>
      api<FreeSlots>(`/api/v1/leads/${encodeURIComponent(id)}/slots`, { query: { limit: 40 }, signal }),
    enabled,
    staleTime: 0,
  });
}

export function useDashboardConfig() {
  return useQuery({
    queryKey: queryKeys.dashboardConfig,
    queryFn: ({ signal }) => api<DashboardConfig>('/api/v1/dashboard/config', { signal }),
    staleTime: 10 * 60_000,
  });
}

/** The broker's users, for admins (the agent filter, assigning, names); an agent does not ask. */
export function useUsers() {
  const { me } = useAuth();
  return useQuery({
    queryKey: queryKeys.users,
    queryFn: ({ signal }) => api<UserView[]>('/api/v1/users', { signal }),
    enabled: isManager(me?.role),
    staleTime: 60_000,
  });
}

/**
 * The broker's people who can hold a lead (active, not the platform's superadmins), to name a lead's agent
 * and filter by one. Only admins may list users (an agent gets 403 and sees only their own leads anyway),
 * so for an agent this stays empty without asking.
 */
export function useAgents() {
  const { me } = useAuth();
  const query = useUsers();
  const users = (query.data ?? []).filter((u) => u.active && u.role !== 'SUPERADMIN');
  const names = new Map(users.map((u) => [u.id, u.fullName]));
  return { allowed: isManager(me?.role), users, names, query };
}

function isManager(role: string | undefined): boolean {
  return role === 'ADMIN' || role === 'SUPERADMIN';
}

type Action =
  | { kind: 'takeover' }
  | { kind: 'release' }
  | { kind: 'message'; text: string; idempotencyKey?: string }
  | { kind: 'stage'; stage: string; reason?: string }
  | { kind: 'call' }
  | { kind: 'book'; slotStart: string }
  | { kind: 'cancel'; appointmentId: string }
  | { kind: 'retry' }
  | { kind: 'assign'; agentId: string };

function request(id: string, action: Action): Promise<unknown> {
  const base = `/api/v1/leads/${encodeURIComponent(id)}`;
  switch (action.kind) {
    case 'takeover':
      return api<LeadView>(`${base}/takeover`, { method: 'POST' });
    case 'release':
      return api<LeadView>(`${base}/release`, { method: 'POST', body: {} });
    case 'message':
      return api<LeadView>(`${base}/messages`, {
        method: 'POST',
        body: { text: action.text },
        headers: action.idempotencyKey ? { 'Idempotency-Key': action.idempotencyKey } : undefined,
      });
    case 'stage':
      return api<LeadView>(`${base}/stage`, { method: 'POST', body: { stage: action.stage, reason: action.reason } });
    case 'call':
      return api<LeadView>(`${base}/call`, { method: 'POST' });
    case 'book':
      return api<LeadView>(`${base}/appointments`, { method: 'POST', body: { slotStart: action.slotStart } });
    case 'cancel':
      return api<LeadView>(`${base}/appointments/${encodeURIComponent(action.appointmentId)}`, { method: 'DELETE' });
    case 'retry':
      return api<LeadView>(`${base}/retry`, { method: 'POST' });
    case 'assign':
      return api(`${base}/assign`, { method: 'POST', body: { agentId: action.agentId } });
  }
}

function isLeadView(value: unknown): value is LeadView {
  return !!value && typeof value === 'object' && 'workflowId' in value && 'stage' in value && 'humanMode' in value;
}

/**
 * A dashboard action on the lead. The workflow answers with its new state, which replaces `live` at once (the
 * human mode banner and the composer follow without waiting for the read model); then everything about the
 * lead is refetched. A refusal (409/422 with the workflow's reason) is the mutation's error.
 */
export function useLeadAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: Action) => request(id, action),
    onSuccess: (result, action) => {
      if (isLeadView(result)) {
        queryClient.setQueryData<LeadDetail>(queryKeys.lead(id), (old) =>
          old ? { ...old, live: result, humanMode: result.humanMode, stage: result.stage } : old,
        );
      }
      if (action.kind === 'assign') {
        queryClient.setQueryData<LeadDetail>(queryKeys.lead(id), (old) =>
          old ? { ...old, assignedAgentId: action.agentId } : old,
        );
      }
      void queryClient.invalidateQueries({ queryKey: queryKeys.lead(id) });
      void queryClient.invalidateQueries({ queryKey: ['leads', 'list'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox });
      if (action.kind === 'book' || action.kind === 'cancel')
        void queryClient.invalidateQueries({ queryKey: queryKeys.appointments });
    },
  });
}

export type LeadAction = Action;
