import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { LiveEventsProvider, useLive, useLiveEvent } from './LiveEvents';
import type { LiveEvent } from './invalidations';

afterEach(() => vi.unstubAllGlobals());

/** A `GET /api/v1/events` that opens when told to, then sends what the test pushes. */
function eventStream() {
  const encoder = new TextEncoder();
  let open = () => undefined as void;
  let push: (chunk: string) => void = () => undefined;
  const signals: AbortSignal[] = [];
  const fetchMock = vi.fn((_input: RequestInfo | URL, init?: RequestInit) => {
    if (init?.signal) signals.push(init.signal);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (chunk) => controller.enqueue(encoder.encode(chunk));
      },
    });
    return new Promise<Response>((resolve) => {
      open = () => resolve(new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }));
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    fetchMock,
    signals,
    open: () => open(),
    send: (event: Partial<LiveEvent>) => push(`data: ${JSON.stringify({ leadId: null, ...event })}\n\n`),
  };
}

function Probe({ onEvent }: { onEvent: (event: LiveEvent) => void }) {
  const { state } = useLive();
  useLiveEvent(onEvent);
  return <p data-testid="state">{state}</p>;
}

function renderLive(enabled: boolean, onEvent: (event: LiveEvent) => void) {
  const queryClient = new QueryClient();
  const ui = (on: boolean, listener: (event: LiveEvent) => void) => (
    <QueryClientProvider client={queryClient}>
      <LiveEventsProvider enabled={on}>
        <Probe onEvent={listener} />
      </LiveEventsProvider>
    </QueryClientProvider>
  );
  const view = render(ui(enabled, onEvent));
  return { rerender: (on: boolean, listener: (event: LiveEvent) => void) => view.rerender(ui(on, listener)) };
}

describe('LiveEventsProvider', () => {
  it('is offline and asks for nothing while signed out', () => {
    const stream = eventStream();
    renderLive(false, () => undefined);
    expect(screen.getByTestId('state')).toHaveTextContent('offline');
    expect(stream.fetchMock).not.toHaveBeenCalled();
  });

  it('connects, goes live, hands each event to the current listener, and stops when signed out', async () => {
    const stream = eventStream();
    const first = vi.fn();
    const second = vi.fn();
    const live = renderLive(true, first);
    expect(screen.getByTestId('state')).toHaveTextContent('connecting');
    await waitFor(() => expect(stream.fetchMock).toHaveBeenCalledTimes(1));

    stream.open();
    await waitFor(() => expect(screen.getByTestId('state')).toHaveTextContent('live'));

    live.rerender(true, second);
    stream.send({ id: '1', type: 'lead_updated', leadId: 'l-1' });
    await waitFor(() => expect(second).toHaveBeenCalledWith(expect.objectContaining({ id: '1', leadId: 'l-1' })));
    expect(first).not.toHaveBeenCalled();

    live.rerender(false, second);
    expect(screen.getByTestId('state')).toHaveTextContent('offline');
    expect(stream.signals[0].aborted).toBe(true);
  });
});
