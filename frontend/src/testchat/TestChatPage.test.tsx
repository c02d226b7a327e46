import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import TestChatPage, { timing } from './TestChatPage';
import { AGENT, renderPage, stubApi } from '../test/render';

// user-event through whole pages: generous on a loaded CI machine, still far below a hang
vi.setConfig({ testTimeout: 20_000 });

const HOSTILE = '<img src=x onerror=alert(1)>';

/** A stand-in for the browser's EventSource: the test opens it and pushes events. */
class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readyState = 0;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private listeners: ((e: MessageEvent) => void)[] = [];
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (e: MessageEvent) => void) {
    if (type === 'message') this.listeners.push(listener);
  }
  close() {
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  push(data: unknown) {
    this.listeners.forEach((l) => l(new MessageEvent('message', { data: JSON.stringify(data) })));
  }
}

interface Stored {
  id: string;
  direction: 'INBOUND' | 'OUTBOUND';
  author: string;
  body: string;
  at: string;
}

function webchatApi(onPost?: (text: string, conversation: Stored[]) => void) {
  const conversation: Stored[] = [];
  const posted: Record<string, string>[] = [];
  let sessions = 0;
  const fetchMock = stubApi(
    {
      'GET /api/v1/brokers/current/profile': { id: 'b-1', slug: 'demo', name: 'Demo', personaName: 'Sofía' },
      'POST /api/v1/webchat/demo/sessions': () => {
        sessions += 1;
        return { sessionId: `s-${sessions}`, workflowId: `lead-demo-webchat-s-${sessions}`, leadId: `l-${sessions}` };
      },
      'POST /api/v1/webchat/demo/messages': ({ body }: { body: unknown }) => {
        const b = body as Record<string, string>;
        posted.push(b);
        onPost?.(b.text, conversation);
        return { messageId: b.clientMessageId, leadId: `l-${sessions}` };
      },
      'GET /api/v1/webchat/demo/sessions/s-1/messages': () => conversation,
      'GET /api/v1/webchat/demo/sessions/s-2/messages': () => [],
    },
    AGENT,
  );
  return { conversation, posted, fetchMock };
}

beforeEach(() => {
  FakeEventSource.instances = [];
});

afterEach(() => {
  vi.unstubAllGlobals();
  timing.pollMs = 2500;
});

describe('TestChatPage', () => {
  it('chats as a lead over the live stream and links to the lead it created', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const { posted } = webchatApi();
    const user = userEvent.setup();
    renderPage(<TestChatPage />);

    const chat = await screen.findByTestId('test-chat');
    await user.type(within(chat).getByLabelText('Mensaje'), 'hola');
    await user.click(within(chat).getByRole('button', { name: 'Enviar' }));

    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ sessionId: 's-1', text: 'hola' });
    expect(FakeEventSource.instances.at(-1)!.url).toBe('/api/v1/webchat/demo/sessions/s-1/stream');
    // shown at once, before the server confirms it
    expect(
      within(chat)
        .getAllByTestId('chat-message')
        .map((m) => m.dataset.from),
    ).toEqual(['lead']);

    const stream = FakeEventSource.instances.at(-1)!;
    act(() => {
      stream.open();
      stream.push({ id: 'm-1', direction: 'INBOUND', author: 'LEAD', body: 'hola', at: '2026-12-01T13:00:00Z' });
      stream.push({
        id: 'm-2',
        direction: 'OUTBOUND',
        author: 'AI',
        body: `¡Hola! Soy Sofía ${HOSTILE}`,
        at: '2026-12-01T13:00:02Z',
      });
    });

    await waitFor(() => expect(within(chat).getAllByTestId('chat-message')).toHaveLength(2));
    const [mine, reply] = within(chat).getAllByTestId('chat-message');
    expect(mine).toHaveAttribute('data-from', 'lead');
    expect(reply).toHaveAttribute('data-from', 'agent');
    expect(reply).toHaveTextContent(`¡Hola! Soy Sofía ${HOSTILE}`);
    expect(chat.querySelector('img')).toBeNull();
    expect(await within(chat).findByTestId('test-chat-lead-link')).toHaveAttribute('href', '/leads/l-1');
    expect(await screen.findByText('En vivo')).toBeInTheDocument();
  });

  it('falls back to polling the messages when there is no live stream', async () => {
    vi.stubGlobal('EventSource', undefined);
    timing.pollMs = 30;
    const { conversation } = webchatApi((text, list) => {
      list.push({
        id: `in-${list.length}`,
        direction: 'INBOUND',
        author: 'LEAD',
        body: text,
        at: '2026-12-01T13:00:00Z',
      });
      // the agent answers a little later: only a later poll sees it
      setTimeout(
        () =>
          list.push({
            id: 'out-1',
            direction: 'OUTBOUND',
            author: 'AI',
            body: '¿En qué comuna buscas?',
            at: '2026-12-01T13:00:05Z',
          }),
        80,
      );
    });
    const user = userEvent.setup();
    renderPage(<TestChatPage />);

    const chat = await screen.findByTestId('test-chat');
    await user.type(within(chat).getByLabelText('Mensaje'), 'busco depto{Enter}');

    await waitFor(() => expect(within(chat).getAllByTestId('chat-message')).toHaveLength(2), { timeout: 2000 });
    expect(within(chat).getAllByTestId('chat-message')[1]).toHaveTextContent('¿En qué comuna buscas?');
    expect(conversation).toHaveLength(2);
  });

  it('starts a new conversation with a new session', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const { posted } = webchatApi();
    const user = userEvent.setup();
    renderPage(<TestChatPage />);
    const chat = await screen.findByTestId('test-chat');
    await user.type(within(chat).getByLabelText('Mensaje'), 'hola{Enter}');
    await within(chat).findByTestId('test-chat-lead-link');
    expect(JSON.parse(localStorage.getItem('inmo.testchat.demo')!)).toMatchObject({ sessionId: 's-1', leadId: 'l-1' });

    await user.click(within(chat).getByRole('button', { name: 'Nueva conversación' }));
    expect(within(chat).queryByTestId('test-chat-lead-link')).toBeNull();
    expect(within(chat).queryAllByTestId('chat-message')).toHaveLength(0);
    expect(localStorage.getItem('inmo.testchat.demo')).toBeNull();

    await user.type(within(chat).getByLabelText('Mensaje'), 'otra vez{Enter}');
    await waitFor(() => expect(posted.at(-1)).toMatchObject({ sessionId: 's-2', text: 'otra vez' }));
    expect(await within(chat).findByTestId('test-chat-lead-link')).toHaveAttribute('href', '/leads/l-2');
  });
});
