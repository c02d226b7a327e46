import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useAuth } from '../auth/AuthProvider';

/** `GET /api/v1/brokers/current` (the api's BrokerView). */
export interface Broker {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  personaName: string;
  personaTone: string;
  active: boolean;
  settings: Record<string, unknown>;
}

/** The signed-in user's broker; a superadmin has none (null). */
export function useBroker() {
  const { me } = useAuth();
  return useQuery({
    queryKey: queryKeys.broker,
    queryFn: ({ signal }) => api<Broker>('/api/v1/brokers/current', { signal }),
    enabled: !!me?.broker_id,
    staleTime: 60_000,
  });
}

/** `GET /api/v1/brokers/current/profile`: what every user of a broker (agents too) may know of it. */
export interface BrokerProfile {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  personaName: string;
}

/** The signed-in user's broker as any role sees it; a superadmin has none. */
export function useBrokerProfile() {
  const { me } = useAuth();
  return useQuery({
    queryKey: queryKeys.brokerProfile,
    queryFn: ({ signal }) => api<BrokerProfile>('/api/v1/brokers/current/profile', { signal }),
    enabled: !!me?.broker_id,
    staleTime: 5 * 60_000,
  });
}

/** The time zone every date is shown in: the broker's (for agents too), else the browser's. */
export function useTimeZone(): string {
  const profile = useBrokerProfile();
  return profile.data?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'America/Santiago';
}
