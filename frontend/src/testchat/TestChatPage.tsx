import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useAuth } from '../auth/AuthProvider';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState, Skeleton } from '../ui/States';
import { Webchat, WebchatError, fromOf, type ChatMessage, type ChatState } from './webchat';
import './testchat.css';

/** `GET /api/v1/brokers/current/profile`: what any user of the broker may read. */
interface BrokerProfile {
  id: string;
  slug: string;
  name: string;
  personaName: string;
}

interface Stored {
  sessionId: string;
  leadId: string | null;
  sent: boolean;
}

const storageKey = (slug: string) => `inmo.testchat.${slug}`;

/** How often the conversation is re-read when the live stream is unavailable (tests shorten it). */
export const timing = { pollMs: 2500 };

function readStored(slug: string): Stored | null {
  try {
    const raw = localStorage.getItem(storageKey(slug));
    const parsed = raw ? (JSON.parse(raw) as Stored) : null;
    return parsed && typeof parsed.sessionId === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

export default function TestChatPage() {
  const { t } = useTranslation('testchat');
  const { me } = useAuth();
  const hasBroker = !!me?.broker_id;
  const profile = useQuery({
    queryKey: queryKeys.brokerProfile,
    queryFn: ({ signal }) => api<BrokerProfile>('/api/v1/brokers/current/profile', { signal }),
    enabled: hasBroker,
    staleTime: 5 * 60_000,
  });
  const brokers = useQuery({
    queryKey: queryKeys.brokerList({}),
    queryFn: ({ signal }) => api<BrokerProfile[]>('/api/v1/brokers', { signal }),
    enabled: !!me && !hasBroker,
  });
  const [chosen, setChosen] = useState('');
  const slug = hasBroker ? profile.data?.slug : chosen || brokers.data?.[0]?.slug;
  const loading = !me || (hasBroker ? profile.isPending : brokers.isPending);
  const failed = hasBroker ? profile.error : brokers.error;

  return (
    <div className="testchat-page">
      <PageHeader title={t('title')}>
        <p className="muted">{t('subtitle')}</p>
      </PageHeader>
      {!hasBroker && brokers.data && brokers.data.length > 0 && (
        <div className="field broker-pick">
          <label htmlFor="tc-broker">{t('broker')}</label>
          <select id="tc-broker" value={slug ?? ''} onChange={(e) => setChosen(e.target.value)}>
            {brokers.data.map((b) => (
              <option key={b.slug} value={b.slug}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {loading ? (
        <Skeleton lines={6} height={28} />
      ) : !slug ? (
        <EmptyState title={failed instanceof Error ? failed.message : t('noBroker')} />
      ) : (
        <div className="testchat-layout">
          <ChatPanel key={slug} slug={slug} />
          <aside className="card testchat-aside">
            <h2>{t('widgetDemo')}</h2>
            <p className="muted small">{t('widgetHint')}</p>
            <a
              className="btn"
              href={`/widget-demo.html?broker=${encodeURIComponent(slug)}`}
              target="_blank"
              rel="noopener"
              data-testid="widget-demo-link"
            >
              {t('widgetDemo')} ↗
            </a>
            <h3>{t('embed')}</h3>
            <p className="muted small">{t('embedHint')}</p>
            <pre className="embed">
              <code>{`<script src="${window.location.origin}/widget.js" data-broker="${slug}" data-api="${window.location.origin}" async></script>`}</code>
            </pre>
          </aside>
        </div>
      )}
    </div>
  );
}

/** Chats with the broker's agent through the public web chat, as a lead. */
export function ChatPanel({ slug }: { slug: string }) {
  const { t } = useTranslation('testchat');
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [state, setState] = useState<ChatState>('idle');
  const [stored, setStored] = useState<Stored | null>(() => readStored(slug));
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);

  // one client for the panel's life; its constructor only builds the api's address
  const [chat] = useState(
    () =>
      new Webchat({
        apiBase: '',
        broker: slug,
        onMessages: setMessages,
        onState: setState,
        pollMs: timing.pollMs,
      }),
  );

  useEffect(() => {
    const saved = readStored(slug);
    if (saved) chat.connect(saved.sessionId);
    return () => chat.disconnect();
  }, [chat, slug]);

  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages]);

  function remember(next: Stored | null) {
    setStored(next);
    if (next) localStorage.setItem(storageKey(slug), JSON.stringify(next));
    else localStorage.removeItem(storageKey(slug));
  }

  async function startSession(): Promise<Stored> {
    const session = await chat.openSession();
    const next = { sessionId: session.sessionId, leadId: session.leadId ?? null, sent: false };
    remember(next);
    chat.connect(session.sessionId);
    return next;
  }

  async function send(event?: FormEvent) {
    event?.preventDefault();
    const body = text.trim();
    if (!body || sending) return;
    setSending(true);
    setError(null);
    setText('');
    try {
      let session = stored;
      if (!session) {
        try {
          session = await startSession();
        } catch (e) {
          setError(t('startFailed', { message: e instanceof Error ? e.message : String(e) }));
          setText(body);
          return;
        }
      }
      let accepted;
      try {
        accepted = await chat.send(session.sessionId, body);
      } catch (e) {
        if (!(e instanceof WebchatError && e.status === 404)) throw e;
        session = await startSession(); // the session is gone (a reset database): start over once
        accepted = await chat.send(session.sessionId, body);
      }
      remember({ ...session, leadId: accepted.leadId ?? session.leadId, sent: true });
    } catch (e) {
      setError(t('sendFailed', { message: e instanceof Error ? e.message : String(e) }));
      setText(body);
    } finally {
      setSending(false);
      input.current?.focus();
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  function newConversation() {
    chat.reset();
    remember(null);
    setError(null);
    setText('');
    input.current?.focus();
  }

  const author = (m: ChatMessage) =>
    m.direction === 'INBOUND' ? t('lead') : m.author === 'HUMAN' ? t('human') : t('agent');
  return (
    <section className="card chat" data-testid="test-chat" aria-label={t('title')}>
      <header className="chat-head">
        <span className={`chat-state ${state}`} role="status">
          {t(`state.${state}`)}
        </span>
        <span className="spacer" />
        {stored?.sent && stored.leadId && (
          <Link to={`/leads/${stored.leadId}`} data-testid="test-chat-lead-link" title={t('leadLinkHint')}>
            {t('leadLink')}
          </Link>
        )}
        <button type="button" className="btn small" onClick={newConversation}>
          {t('newConversation')}
        </button>
      </header>
      <ol className="chat-log" ref={list} role="log" aria-live="polite" aria-label={t('title')} tabIndex={0}>
        {messages.length === 0 && <li className="chat-empty muted">{t('empty')}</li>}
        {messages.map((m) => (
          <li
            key={m.id}
            className={`bubble ${fromOf(m)} ${m.pending ? 'pending' : ''}`}
            data-testid="chat-message"
            data-from={fromOf(m)}
          >
            <span className="bubble-author">{author(m)}</span>
            <span className="bubble-body">{m.body}</span>
            {m.pending && <span className="bubble-meta">{t('pending')}</span>}
          </li>
        ))}
      </ol>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <form className="chat-form" onSubmit={send}>
        <label htmlFor="tc-message" className="sr-only">
          {t('message')}
        </label>
        <textarea
          id="tc-message"
          ref={input}
          rows={2}
          maxLength={4000}
          value={text}
          placeholder={t('placeholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="btn primary" disabled={sending || !text.trim()}>
          {t('send')}
        </button>
      </form>
    </section>
  );
}
