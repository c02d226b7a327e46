import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderPage, stubApi } from '../test/render';
import { Conversation, authorOf, directionOf } from './Conversation';
import type { ChatMessage } from './types';

const message = (id: string, overrides: Partial<ChatMessage> = {}): ChatMessage => ({
  id,
  direction: 'INBOUND',
  author: 'LEAD',
  authorUserId: null,
  body: `mensaje ${id}`,
  at: '2026-11-29T12:00:00Z',
  ...overrides,
});

describe('Conversation', () => {
  it('maps the api’s direction and author to the e2e attributes', () => {
    expect([authorOf({ author: 'LEAD', direction: 'INBOUND' }), directionOf({ direction: 'INBOUND' })]).toEqual([
      'lead',
      'inbound',
    ]);
    expect([authorOf({ author: 'AI', direction: 'OUTBOUND' }), directionOf({ direction: 'OUTBOUND' })]).toEqual([
      'ai',
      'outbound',
    ]);
    expect(authorOf({ author: 'HUMAN', direction: 'OUTBOUND' })).toBe('human');
    expect(authorOf({ author: 'SYSTEM', direction: 'OUTBOUND' })).toBe('system');
  });

  it('scrolls to the newest message when one arrives', async () => {
    function Live() {
      const [messages, setMessages] = useState([message('1'), message('2')]);
      return (
        <>
          <button
            type="button"
            onClick={() => setMessages((m) => [...m, message('3', { direction: 'OUTBOUND', author: 'AI' })])}
          >
            llega
          </button>
          <Conversation messages={messages} />
        </>
      );
    }
    stubApi({});
    renderPage(<Live />);
    const list = screen.getByTestId('conversation');
    // jsdom lays nothing out: give the list a height to scroll
    Object.defineProperty(list, 'scrollHeight', { configurable: true, get: () => 1000 });
    Object.defineProperty(list, 'clientHeight', { configurable: true, get: () => 300 });
    expect(list.scrollTop).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'llega' }));
    await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(3));
    expect(list.scrollTop).toBe(1000);
  });

  it('says when there is nothing yet', () => {
    stubApi({});
    renderPage(<Conversation messages={[]} />);
    expect(screen.getByTestId('conversation')).toHaveTextContent('Todavía no hay mensajes.');
  });
});
