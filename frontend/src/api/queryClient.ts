import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

/**
 * Cached reads for the whole dashboard. Data stays fresh for 30 s; the live event stream invalidates
 * what changes sooner. A 4xx is an answer, not a glitch: it is not retried.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}
