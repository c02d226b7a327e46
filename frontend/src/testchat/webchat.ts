/**
 * The public web chat, as a lead's browser speaks it: open a session, post messages, receive the
 * conversation live over the session's SSE stream, and poll the message list when the stream is not
 * available (no EventSource, a proxy that buffers, a dropped connection).
 *
 * The embeddable widget (src/widget) speaks the same protocol with its own smaller copy: widget.js is
 * loaded by a classic `<script>` tag, so it must not share a chunk with the dashboard (a shared module
 * would turn it into an ES module with `import`s). widget/isolation.test.ts keeps the two apart.
 */

/** One message of `GET /api/v1/webchat/{broker}/sessions/{id}/messages` and of the stream. */
export interface ChatMessage {
  id: string;
  direction: 'INBOUND' | 'OUTBOUND';
  /** LEAD, AI or HUMAN (an agent who took over); the team's SYSTEM notes never reach the web chat */
  author: string;
  body: string;
  at: string;
  /** a message of ours not yet confirmed by the server */
  pending?: boolean;
}

export interface Session {
  sessionId: string;
  workflowId?: string | null;
  leadId?: string | null;
}

export interface Accepted {
  messageId: string;
  workflowId?: string;
  leadId?: string;
}

export type ChatState = 'idle' | 'connecting' | 'live' | 'polling';

export class WebchatError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'WebchatError';
  }
}

export interface WebchatOptions {
  /** the api's origin, '' for the page's own */
  apiBase: string;
  broker: string;
  onMessages: (messages: ChatMessage[]) => void;
  onState?: (state: ChatState) => void;
  pollMs?: number;
  /** wait before trying the stream again after it failed */
  reconnectMs?: number;
}

function clientId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c?.randomUUID) return c.randomUUID();
  return `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export class Webchat {
  private readonly base: string;
  private readonly messages = new Map<string, ChatMessage>();
  private pending: ChatMessage[] = [];
  private stream: EventSource | null = null;
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private sessionId: string | null = null;
  private closed = false;
  state: ChatState = 'idle';

  constructor(private readonly options: WebchatOptions) {
    this.base = `${options.apiBase.replace(/\/+$/, '')}/api/v1/webchat/${encodeURIComponent(options.broker)}`;
  }

  async openSession(): Promise<Session> {
    return this.request<Session>('POST', '/sessions');
  }

  /** Posts a message; it shows at once as pending and is confirmed when the server lists it. */
  async send(sessionId: string, text: string): Promise<Accepted> {
    const body = text.trim();
    const id = clientId();
    const mine: ChatMessage = {
      id: `pending-${id}`,
      direction: 'INBOUND',
      author: 'LEAD',
      body,
      at: new Date().toISOString(),
      pending: true,
    };
    this.pending.push(mine);
    this.emit();
    try {
      const accepted = await this.request<Accepted>('POST', '/messages', {
        sessionId,
        text: body,
        clientMessageId: id,
      });
      if (this.state === 'polling' || this.state === 'idle') void this.refresh();
      return accepted;
    } catch (error) {
      this.pending = this.pending.filter((p) => p !== mine);
      this.emit();
      throw error;
    }
  }

  /** Follows a session: its history, then new messages live (or by polling). */
  connect(sessionId: string) {
    this.disconnect();
    this.closed = false;
    this.sessionId = sessionId;
    this.messages.clear();
    this.pending = [];
    this.emit();
    this.setState('connecting');
    void this.refresh();
    this.openStream();
  }

  /** Stops following; messages stay as they are. */
  disconnect() {
    this.closed = true;
    this.stream?.close();
    this.stream = null;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.pollTimer = null;
    this.reconnectTimer = null;
    this.setState('idle');
  }

  /** Forgets the session and what was shown (a new conversation). */
  reset() {
    this.disconnect();
    this.sessionId = null;
    this.messages.clear();
    this.pending = [];
    this.emit();
  }

  /** Reads the whole conversation once and merges it. */
  async refresh(): Promise<void> {
    const session = this.sessionId;
    if (!session) return;
    try {
      const list = await this.request<ChatMessage[]>('GET', `/sessions/${encodeURIComponent(session)}/messages`);
      if (session !== this.sessionId) return;
      list.forEach((m) => this.add(m, false));
      this.emit();
    } catch {
      /* the next poll or the stream catches up */
    }
  }

  private openStream() {
    const ES = (globalThis as { EventSource?: typeof EventSource }).EventSource;
    if (!ES || !this.sessionId) {
      this.startPolling();
      return;
    }
    const stream = new ES(`${this.base}/sessions/${encodeURIComponent(this.sessionId)}/stream`);
    this.stream = stream;
    stream.onopen = () => {
      if (this.stream !== stream) return;
      this.stopPolling();
      this.setState('live');
      void this.refresh(); // anything written between the history and the stream's opening
    };
    stream.addEventListener('message', (event) => {
      if (this.stream !== stream) return;
      try {
        this.add(JSON.parse((event as MessageEvent).data) as ChatMessage, true);
      } catch {
        /* a malformed event is skipped */
      }
    });
    stream.onerror = () => {
      if (this.stream !== stream || this.closed) return;
      this.startPolling();
      if (stream.readyState === 2) {
        // closed for good (an error answer): try the stream again later, poll meanwhile
        this.stream = null;
        this.reconnectTimer = setTimeout(() => {
          this.reconnectTimer = null;
          if (!this.closed) this.openStream();
        }, this.options.reconnectMs ?? 15_000);
      }
    };
  }

  private startPolling() {
    this.setState('polling');
    if (this.pollTimer || this.closed) return;
    this.pollTimer = setInterval(() => void this.refresh(), this.options.pollMs ?? 2500);
  }

  private stopPolling() {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
  }

  private add(message: ChatMessage, emit: boolean) {
    if (!message || (typeof message.id !== 'string' && typeof message.id !== 'number')) return;
    const m = { ...message, id: String(message.id), body: String(message.body ?? '') };
    if (!this.messages.has(m.id) && m.direction === 'INBOUND') {
      const mine = this.pending.findIndex((p) => p.body === m.body.trim());
      if (mine >= 0) this.pending.splice(mine, 1);
    }
    this.messages.set(m.id, m);
    if (emit) this.emit();
  }

  private emit() {
    const confirmed = [...this.messages.values()].sort((a, b) => (Date.parse(a.at) || 0) - (Date.parse(b.at) || 0));
    this.options.onMessages([...confirmed, ...this.pending]);
  }

  private setState(state: ChatState) {
    if (this.state === state) return;
    this.state = state;
    this.options.onState?.(state);
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers:
        body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      let detail = `HTTP ${response.status}`;
      try {
        const problem = (await response.json()) as { detail?: string; title?: string };
        detail = problem.detail || problem.title || detail;
      } catch {
        /* not JSON */
      }
      throw new WebchatError(response.status, detail);
    }
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** `data-from` of a message: the lead's own, or the agent's (the AI or a human who took over). */
export function fromOf(message: ChatMessage): 'lead' | 'agent' {
  return message.direction === 'INBOUND' ? 'lead' : 'agent';
}
