import { useQuery } from '@tanstack/react-query';
import { api, type Query } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useAuth } from '../auth/AuthProvider';

import type { LeadPage, LeadRow } from '../leads/types';

export type { LeadPage, LeadRow };

/** The filters of `GET /api/v1/leads` this part of the dashboard uses. */
export interface LeadFilters {
  stage?: string[];
  status?: string[];
  channel?: string[];
  agentId?: string;
  needsAttention?: boolean;
  search?: string;
  sort?: string;
  limit?: number;
}

/** One lead list, cached under `['leads', 'list', filters]`, so every lead event refreshes it. */
export function useLeadList(filters: LeadFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.leadList(filters),
    queryFn: ({ signal }) => api<LeadPage>('/api/v1/leads', { query: filters as Query, signal }),
    enabled: options.enabled ?? true,
    placeholderData: (previous) => previous, // a filter change keeps the old cards until the new ones arrive
  });
}

/** `GET /api/v1/pipeline/metrics` (the api's PipelineReport). */
export interface ResponseTime {
  answered: number;
  unanswered: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface Conversion {
  from: string;
  to: string;
  reached: number;
  advanced: number;
  rate: number | null;
}

export interface Figures {
  leads: number;
  stages: Record<string, number>;
  conversion: Conversion[];
  lost: number;
  medianSecondsInStage: Record<string, number>;
  responseTime: ResponseTime;
}

export interface Highlights {
  todayStart: string;
  weekStart: string;
  newToday: number;
  newThisWeek: number;
  hot: number;
  needsAttention: number;
  visitsBooked: number;
  visitsUpcoming: number;
  won: number;
  conversionRate: number | null;
  firstResponse: ResponseTime;
}

export interface Week {
  week: string;
  start: string;
  leads: number;
  won: number;
  visits: number;
}

export interface PipelineReport {
  from: string | null;
  to: string | null;
  channel: string | null;
  overall: Figures;
  byChannel: Record<string, Figures>;
  timeZone: string;
  highlights: Highlights;
  weekly: Week[];
}

export function usePipelineMetrics(params: { from?: string; to?: string; channel?: string; weeks?: number }) {
  return useQuery({
    queryKey: queryKeys.pipelineMetrics(params),
    queryFn: ({ signal }) => api<PipelineReport>('/api/v1/pipeline/metrics', { query: params, signal }),
    placeholderData: (previous) => previous,
  });
}

/** A user of the broker (`GET /api/v1/users`, the api's UserView). */
export interface UserView {
  id: string;
  brokerId: string | null;
  email: string;
  fullName: string;
  role: 'SUPERADMIN' | 'ADMIN' | 'AGENT';
  active: boolean;
}

/**
 * The broker's people, to name a lead's agent and filter by one. Only admins may list users (an agent
 * gets 403 and sees only their own leads anyway), so for an agent this stays empty without asking.
 */
export function useAgents() {
  const { me } = useAuth();
  const allowed = me?.role === 'ADMIN' || me?.role === 'SUPERADMIN';
  const query = useQuery({
    queryKey: queryKeys.agents,
    queryFn: ({ signal }) => api<UserView[]>('/api/v1/users', { signal }),
    enabled: allowed,
    staleTime: 5 * 60_000,
  });
  const users = (query.data ?? []).filter((u) => u.active && u.role !== 'SUPERADMIN');
  const names = new Map(users.map((u) => [u.id, u.fullName]));
  return { allowed, users, names, query };
}
