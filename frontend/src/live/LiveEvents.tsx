import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useEffectEvent,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { fetchEventSource } from '@microsoft/fetch-event-source';
import { session } from '../auth/session';
import { invalidationsFor, type LiveEvent } from './invalidations';

export type LiveState = 'connecting' | 'live' | 'offline';
type Listener = (event: LiveEvent) => void;

interface Live {
  state: LiveState;
  /** Raw events, for views that react to more than a refetch (a toast, the test chat). */
  subscribe(listener: Listener): () => void;
}

const LiveContext = createContext<Live>({ state: 'offline', subscribe: () => () => undefined });

class RetriableError extends Error {}

/**
 * Holds one `GET /api/v1/events` stream while signed in. fetch-event-source sends the Authorization
 * header (EventSource cannot) and, on reconnect, `Last-Event-ID`, so the api replays what was missed.
 * Each event invalidates the cached queries it changes; React Query refetches the visible ones.
 */
export function LiveEventsProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const queryClient = useQueryClient();
  // the stream's own state; signed out, the dashboard is offline whatever the last stream said
  const [streamState, setStreamState] = useState<LiveState>('connecting');
  const state = enabled ? streamState : 'offline';
  const listeners = useRef(new Set<Listener>());

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    fetchEventSource('/api/v1/events', {
      signal: controller.signal,
      openWhenHidden: true,
      headers: { Authorization: `Bearer ${session.accessToken() ?? ''}` },
      async onopen(response) {
        if (response.ok) {
          setStreamState('live');
          return;
        }
        if (response.status === 401 && (await session.refresh())) {
          throw new RetriableError('token refreshed');
        }
        if (response.status === 401) {
          session.end();
          controller.abort();
          return;
        }
        throw new RetriableError(`events answered ${response.status}`);
      },
      onmessage(message) {
        if (!message.data) return;
        let event: LiveEvent;
        try {
          event = JSON.parse(message.data) as LiveEvent;
        } catch {
          return;
        }
        const keys = invalidationsFor(event);
        if (keys === 'all') queryClient.invalidateQueries();
        else keys.forEach((queryKey) => queryClient.invalidateQueries({ queryKey }));
        listeners.current.forEach((listener) => listener(event));
      },
      onclose() {
        setStreamState('connecting');
        throw new RetriableError('stream closed'); // the api never ends it on purpose: reconnect
      },
      onerror(error) {
        setStreamState('offline');
        if (error instanceof RetriableError || error instanceof TypeError) return 2000; // retry in 2 s
        return 5000;
      },
      // the token may have been refreshed since the stream opened: each reconnect reads the current one
      fetch: (input, init) =>
        fetch(input, {
          ...init,
          headers: {
            ...(init?.headers as Record<string, string>),
            Authorization: `Bearer ${session.accessToken() ?? ''}`,
          },
        }),
    }).catch(() => setStreamState('offline'));
    return () => {
      controller.abort();
      setStreamState('connecting'); // where the next stream starts
    };
  }, [enabled, queryClient]);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const value = useMemo(() => ({ state, subscribe }), [state, subscribe]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLive(): Live {
  return useContext(LiveContext);
}

/** Calls `listener` for every live event while the component is mounted. */
export function useLiveEvent(listener: Listener) {
  const { subscribe } = useLive();
  const onEvent = useEffectEvent(listener); // always the latest listener, without resubscribing
  useEffect(() => subscribe((event) => onEvent(event)), [subscribe]);
}
