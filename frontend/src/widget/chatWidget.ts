import { styles } from './styles';
import { TEXTS, type Lang, type Texts } from './texts';

/**
 * The embeddable web chat: a floating button that opens a chat panel, inside a shadow root so the broker's
 * site cannot break it. It talks to the public web chat endpoints as a lead: a session (kept in
 * localStorage per broker, so a reload or another page of the site continues the conversation), messages
 * posted with an id of their own (a retried post is one message), replies live over the session's SSE
 * stream, or by polling when the stream is unavailable. Every text goes in with textContent.
 */
export interface WidgetOptions {
  broker: string;
  /** the api's origin; '' for the page's own */
  api: string;
  lang?: Lang;
  color?: string;
  title?: string;
  /** where the widget goes; document.body by default */
  container?: HTMLElement;
  pollMs?: number;
}

interface Message {
  id: string;
  direction: 'INBOUND' | 'OUTBOUND';
  author?: string;
  body: string;
  at: string;
}

export interface WidgetHandle {
  host: HTMLElement;
  shadow: ShadowRoot;
  open(): void;
  close(): void;
  destroy(): void;
}

const STORE = 'inmo.webchat.';

function uid(): string {
  const c = globalThis.crypto as Crypto | undefined;
  return c?.randomUUID ? c.randomUUID() : `w-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

export function mount(options: WidgetOptions): WidgetHandle {
  const t: Texts = TEXTS[options.lang === 'en' ? 'en' : 'es'];
  const base = `${options.api.replace(/\/+$/, '')}/api/v1/webchat/${encodeURIComponent(options.broker)}`;
  const storeKey = STORE + options.broker;
  const color = /^#[0-9a-f]{3,8}$/i.test(options.color ?? '') ? options.color! : '#1f4e79';

  const host = el('div', { id: `inmo-webchat-${options.broker}`, 'data-inmo-webchat': options.broker });
  const shadow = host.attachShadow({ mode: 'open' });
  const style = el('style');
  style.textContent = styles(color);
  const root = el('div', { class: 'root', lang: options.lang === 'en' ? 'en' : 'es' });

  const panelId = 'inmo-panel';
  const launcher = el('button', {
    type: 'button',
    class: 'launcher',
    'aria-expanded': 'false',
    'aria-controls': panelId,
    'aria-label': t.open,
  });
  launcher.appendChild(chatIcon());

  const panel = el('section', { class: 'panel', id: panelId, role: 'dialog', 'aria-label': options.title || t.title });
  panel.hidden = true;
  const head = el('header', { class: 'head' });
  const titles = el('div', { class: 'titles' });
  titles.append(el('h2', {}, options.title || t.title), el('p', {}, t.subtitle));
  const closeButton = el('button', { type: 'button', class: 'icon', 'aria-label': t.close }, '×');
  head.append(titles, closeButton);

  const log = el('ol', {
    class: 'log',
    role: 'log',
    'aria-live': 'polite',
    tabindex: '0',
    'aria-label': options.title || t.title,
  });
  const error = el('p', { class: 'error', role: 'alert' });
  const form = el('form', {});
  const inputId = 'inmo-message';
  const label = el('label', { for: inputId, class: 'sr-only' }, t.message);
  const input = el('textarea', {
    id: inputId,
    rows: '1',
    maxlength: '4000',
    placeholder: t.placeholder,
    'aria-label': t.message,
  });
  const send = el('button', { type: 'submit', class: 'send' }, t.send);
  form.append(label, input, send);
  panel.append(head, log, error, form);
  root.append(panel, launcher);
  shadow.append(style, root);
  (options.container ?? document.body).appendChild(host);

  // ---- state
  const confirmed = new Map<string, Message>();
  let pending: { id: string; body: string }[] = [];
  let session: string | null = null;
  try {
    session = localStorage.getItem(storeKey);
  } catch {
    session = null; // storage refused (private mode): the conversation lasts the page
  }
  let stream: EventSource | null = null;
  let poll: ReturnType<typeof setInterval> | null = null;
  let sending = false;
  let destroyed = false;

  function render() {
    log.replaceChildren();
    const messages = [...confirmed.values()].sort((a, b) => (Date.parse(a.at) || 0) - (Date.parse(b.at) || 0));
    if (messages.length === 0 && pending.length === 0) log.appendChild(el('li', { class: 'msg note' }, t.greeting));
    for (const m of messages) {
      const from = m.direction === 'INBOUND' ? 'lead' : 'agent';
      log.appendChild(el('li', { class: `msg ${from}`, 'data-from': from, 'data-testid': 'chat-message' }, m.body));
    }
    for (const p of pending) {
      const item = el(
        'li',
        {
          class: 'msg lead pending',
          'data-from': 'lead',
          'data-testid': 'chat-message',
          'aria-label': `${p.body} (${t.sending})`,
        },
        p.body,
      );
      log.appendChild(item);
    }
    log.scrollTop = log.scrollHeight;
  }

  function add(m: Message) {
    if (!m || m.id === undefined || m.id === null) return;
    const id = String(m.id);
    const body = String(m.body ?? '');
    if (!confirmed.has(id) && m.direction === 'INBOUND') {
      const i = pending.findIndex((p) => p.body === body.trim());
      if (i >= 0) pending.splice(i, 1);
    }
    confirmed.set(id, { ...m, id, body });
  }

  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(base + path, {
      method,
      headers:
        body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status });
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async function refresh() {
    const current = session;
    if (!current) return;
    try {
      const list = await call<Message[]>('GET', `/sessions/${encodeURIComponent(current)}/messages`);
      if (current !== session || destroyed) return;
      list.forEach(add);
      render();
    } catch (e) {
      if ((e as { status?: number }).status === 404) forget(); // a session the api no longer knows
    }
  }

  function startPolling() {
    if (!poll && !destroyed) poll = setInterval(() => void refresh(), options.pollMs ?? 3000);
  }

  function stopFollowing() {
    stream?.close();
    stream = null;
    if (poll) clearInterval(poll);
    poll = null;
  }

  function follow() {
    stopFollowing();
    if (!session || destroyed) return;
    void refresh();
    const ES = (globalThis as { EventSource?: typeof EventSource }).EventSource;
    if (!ES) {
      startPolling();
      return;
    }
    const s = new ES(`${base}/sessions/${encodeURIComponent(session)}/stream`);
    stream = s;
    s.onopen = () => {
      if (poll) clearInterval(poll);
      poll = null;
      void refresh();
    };
    s.addEventListener('message', (event) => {
      try {
        add(JSON.parse((event as MessageEvent).data) as Message);
        render();
      } catch {
        /* skipped */
      }
    });
    s.onerror = () => startPolling(); // the browser reconnects the stream; the list keeps up meanwhile
  }

  function forget() {
    stopFollowing();
    session = null;
    confirmed.clear();
    try {
      localStorage.removeItem(storeKey);
    } catch {
      /* ignore */
    }
  }

  async function ensureSession(): Promise<string> {
    if (session) return session;
    const created = await call<{ sessionId: string }>('POST', '/sessions');
    session = created.sessionId;
    try {
      localStorage.setItem(storeKey, session);
    } catch {
      /* ignore */
    }
    follow();
    return session;
  }

  async function submit(event: Event) {
    event.preventDefault();
    const body = input.value.trim();
    if (!body || sending) return;
    sending = true;
    send.disabled = true;
    error.textContent = '';
    const mine = { id: uid(), body };
    pending.push(mine);
    input.value = '';
    render();
    try {
      let id = await ensureSession();
      try {
        await call('POST', '/messages', { sessionId: id, text: body, clientMessageId: mine.id });
      } catch (e) {
        if ((e as { status?: number }).status !== 404) throw e;
        forget();
        id = await ensureSession();
        await call('POST', '/messages', { sessionId: id, text: body, clientMessageId: mine.id });
      }
      if (!stream) void refresh();
    } catch (e) {
      pending = pending.filter((p) => p !== mine);
      input.value = body;
      // 429: the api's budget of sessions per address or messages per session (docs/webchat.md)
      error.textContent = (e as { status?: number }).status === 429 ? t.tooFast : t.failed;
      render();
    } finally {
      sending = false;
      send.disabled = false;
    }
  }

  function open() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    launcher.setAttribute('aria-label', t.close);
    if (session && !stream && !poll) follow();
    render();
    input.focus();
  }

  function close() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-label', t.open);
    launcher.focus();
  }

  launcher.addEventListener('click', () => (panel.hidden ? open() : close()));
  closeButton.addEventListener('click', close);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (form.requestSubmit) form.requestSubmit();
      else void submit(event);
    }
  });
  form.addEventListener('submit', (event) => void submit(event));
  render();

  return {
    host,
    shadow,
    open,
    close,
    destroy() {
      destroyed = true;
      stopFollowing();
      host.remove();
    },
  };
}

function chatIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z');
  svg.appendChild(path);
  return svg;
}

/** The script tag's settings: `data-broker` (required), `data-api`, `data-lang`, `data-color`, `data-title`. */
export function optionsFromScript(script: HTMLScriptElement | null): WidgetOptions | null {
  const broker = script?.dataset.broker?.trim();
  if (!script || !broker) return null;
  let api = script.dataset.api?.trim() ?? '';
  if (!api && script.src) {
    try {
      api = new URL(script.src, document.baseURI).origin;
    } catch {
      api = '';
    }
  }
  return {
    broker,
    api,
    lang: script.dataset.lang === 'en' ? 'en' : 'es',
    color: script.dataset.color,
    title: script.dataset.title,
  };
}
