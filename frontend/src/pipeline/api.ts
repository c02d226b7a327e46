import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import type { LeadPage, LeadRow } from '../leads/types';

export type { LeadPage, LeadRow };

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
