import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../ui/format';
import { useTimeZone } from '../ui/useBroker';
import type { ChatMessage } from './types';
import './conversations.css';

/** The e2e selectors' names for the api's authors (SYSTEM notes are not messages: they are shown apart). */
export function authorOf(message: Pick<ChatMessage, 'author' | 'direction'>): 'lead' | 'ai' | 'human' | 'system' {
  switch ((message.author ?? '').toUpperCase()) {
    case 'LEAD':
      return 'lead';
    case 'AI':
      return 'ai';
    case 'HUMAN':
      return 'human';
    case 'SYSTEM':
      return 'system';
    default:
      return message.direction?.toUpperCase() === 'INBOUND' ? 'lead' : 'ai';
  }
}

export function directionOf(message: Pick<ChatMessage, 'direction'>): 'inbound' | 'outbound' {
  return message.direction?.toUpperCase() === 'INBOUND' ? 'inbound' : 'outbound';
}

const NEAR_BOTTOM = 80;

/**
 * A lead's conversation, oldest first, scrolled to the newest message. When a new message arrives it
 * scrolls down again, unless the agent scrolled up to read (then it stays where they are). Every text is
 * rendered as text: a lead's message is never markup.
 */
export function Conversation({ messages }: { messages: ChatMessage[] }) {
  const { t, i18n } = useTranslation('conversations');
  const timeZone = useTimeZone();
  const box = useRef<HTMLOListElement>(null);
  const pinned = useRef(true);
  const last = messages.length ? messages[messages.length - 1].id : null;

  useLayoutEffect(() => {
    const el = box.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [last, messages.length]);

  if (messages.length === 0) {
    return (
      <ol className="conversation empty" data-testid="conversation">
        <li className="muted conversation-empty">{t('empty')}</li>
      </ol>
    );
  }

  return (
    <ol
      ref={box}
      className="conversation"
      data-testid="conversation"
      aria-label={t('title')}
      aria-live="polite"
      aria-relevant="additions"
      tabIndex={0}
      onScroll={(e) => {
        const el = e.currentTarget;
        pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM;
      }}
    >
      {messages.map((m) => {
        const author = authorOf(m);
        const when = formatDateTime(m.at, timeZone, i18n.language);
        if (author === 'system') {
          return (
            <li key={m.id} className="system-note" data-testid="system-note">
              <span>{m.body}</span> <time dateTime={m.at}>{when}</time>
            </li>
          );
        }
        return (
          <li
            key={m.id}
            className={`bubble ${directionOf(m)} author-${author}`}
            data-testid="message"
            data-direction={directionOf(m)}
            data-author={author}
          >
            <span className="bubble-meta">
              <span className="bubble-author">
                {t(`author.${m.author?.toUpperCase()}`, { defaultValue: m.author })}
              </span>
              <time dateTime={m.at}>{when}</time>
            </span>
            <p className="bubble-body">{m.body}</p>
          </li>
        );
      })}
    </ol>
  );
}
