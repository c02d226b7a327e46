import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../api/client';
import { queryKeys } from '../api/queryKeys';

/** `GET /api/v1/brokers/{slug}/telegram`: the broker's own bot, never its token. */
export interface TelegramBot {
  connected: boolean;
  botId?: string | null;
  notifyChatId?: number | null;
  updatedAt?: string | null;
  webhookPath?: string | null;
}

/** `GET /api/v1/calendar/google`. */
export interface GoogleCalendar {
  status: 'connected' | 'disconnected' | 'not_connected';
  calendarId?: string | null;
  connectedAt?: string | null;
  /** who connected it */
  by?: { id: string; name: string } | null;
  meet?: boolean | null;
  /** why it was disconnected (a revoked token), and when */
  reason?: string | null;
  disconnectedAt?: string | null;
}

/** `details.telegram` of `GET /health`: the webhook as Telegram reports it, or the polling loop. */
export interface TelegramHealth {
  mode?: 'webhook' | 'polling';
  registered?: boolean;
  registration_error?: string;
  url?: string;
  pending_update_count?: number;
  last_error_message?: string | null;
  running?: boolean;
  last_poll_at?: string | null;
  error?: string;
}

/** `GET /health`: 200 healthy or 503 unhealthy, both with the same report. */
export interface HealthReport {
  status: 'healthy' | 'unhealthy' | string;
  checks?: Record<string, string>;
  errors?: Record<string, string>;
  details?: { telegram?: TelegramHealth; [name: string]: unknown };
}

export async function fetchHealth(signal?: AbortSignal): Promise<HealthReport> {
  try {
    return await api<HealthReport>('/health', { signal, auth: false });
  } catch (error) {
    // 503 still carries the report: which dependency is down is exactly what the operator needs
    if (error instanceof ApiError && error.status === 503 && typeof error.problem.status === 'string') {
      return error.problem as unknown as HealthReport;
    }
    throw error;
  }
}

export function useHealth() {
  return useQuery({
    queryKey: queryKeys.health,
    queryFn: ({ signal }) => fetchHealth(signal),
    refetchInterval: 60_000,
  });
}

export function useTelegramBot(slug: string | undefined) {
  return useQuery({
    queryKey: queryKeys.telegramBot(slug ?? ''),
    queryFn: ({ signal }) => api<TelegramBot>(`/api/v1/brokers/${encodeURIComponent(slug ?? '')}/telegram`, { signal }),
    enabled: !!slug,
  });
}

/** The Google Calendar connection; `null` when this api has no such endpoint (404): "not available". */
export function useGoogleCalendar() {
  return useQuery({
    queryKey: queryKeys.calendarGoogle,
    queryFn: async ({ signal }) => {
      try {
        return await api<GoogleCalendar>('/api/v1/calendar/google', { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}
