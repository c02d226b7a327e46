import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '@testing-library/react';
import { mount, optionsFromScript, type WidgetHandle } from './chatWidget';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

interface Call {
  method: string;
  path: string;
  body: unknown;
}

/** The public web chat api, in memory: a session, the messages posted, and an agent that answers. */
function fakeApi(reply: (text: string) => string) {
  const calls: Call[] = [];
  const messages: { id: string; direction: string; author: string; body: string; at: string }[] = [];
  let n = 0;
  const json = (status: number, body: unknown) =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path: url.origin + url.pathname, body });
    if (method === 'POST' && url.pathname.endsWith('/sessions'))
      return json(201, { sessionId: 's-1', leadId: 'lead-1' });
    if (method === 'POST' && url.pathname.endsWith('/messages')) {
      const at = Date.now();
      messages.push({
        id: `m-${++n}`,
        direction: 'INBOUND',
        author: 'LEAD',
        body: body.text,
        at: new Date(at).toISOString(),
      });
      messages.push({
        id: `m-${++n}`,
        direction: 'OUTBOUND',
        author: 'AI',
        body: reply(body.text),
        at: new Date(at + 1000).toISOString(),
      });
      return json(202, { messageId: body.clientMessageId, leadId: 'lead-1' });
    }
    if (method === 'GET' && url.pathname.endsWith('/sessions/s-1/messages')) return json(200, messages);
    return json(404, { title: 'Not Found' });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, messages };
}

let widget: WidgetHandle | null = null;

beforeEach(() => {
  vi.stubGlobal('EventSource', undefined); // jsdom has none; the widget polls
});

afterEach(() => {
  widget?.destroy();
  widget = null;
  vi.unstubAllGlobals();
});

function q<T extends Element>(selector: string): T {
  const found = widget!.shadow.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in the widget`);
  return found;
}

async function type(text: string) {
  const input = q<HTMLTextAreaElement>('textarea');
  input.value = text;
  q<HTMLFormElement>('form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
}

describe('the embeddable web chat widget', () => {
  it('mounts a launcher inside a shadow root that opens a labelled chat panel', () => {
    fakeApi(() => '');
    widget = mount({ broker: 'demo', api: 'https://api.example' });
    expect(document.querySelector('[data-inmo-webchat="demo"]')).toBe(widget.host);
    expect(document.querySelector('textarea')).toBeNull(); // nothing in the page's own DOM
    const launcher = q<HTMLButtonElement>('button.launcher');
    expect(launcher.getAttribute('aria-label')).toBe('Abrir el chat');
    expect(q<HTMLElement>('.panel').hidden).toBe(true);

    launcher.click();
    expect(q<HTMLElement>('.panel').hidden).toBe(false);
    expect(launcher.getAttribute('aria-expanded')).toBe('true');
    expect(q('textarea').getAttribute('aria-label')).toBe('Mensaje');
    expect(widget.shadow.activeElement).toBe(q('textarea'));

    q<HTMLElement>('.panel').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(q<HTMLElement>('.panel').hidden).toBe(true);
  });

  it('sends as a lead and shows the reply as text, never as markup', async () => {
    const api = fakeApi(() => `Hola ${HOSTILE}, ¿en qué comuna buscas?`);
    widget = mount({ broker: 'demo', api: 'https://api.example/', pollMs: 20 });
    widget.open();

    await type(`Soy ${HOSTILE}`);

    await waitFor(() => expect(widget!.shadow.querySelectorAll('[data-from="agent"]')).toHaveLength(1));
    const agent = q('[data-from="agent"]');
    expect(agent.textContent).toBe(`Hola ${HOSTILE}, ¿en qué comuna buscas?`);
    expect(q('[data-from="lead"]').textContent).toBe(`Soy ${HOSTILE}`);
    expect(widget.shadow.querySelector('img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    // one session, one message with the widget's own id, to the configured api
    expect(api.calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      'https://api.example/api/v1/webchat/demo/sessions',
      'https://api.example/api/v1/webchat/demo/messages',
    ]);
    const posted = api.calls.find((c) => c.path.endsWith('/messages') && c.method === 'POST')!.body as Record<
      string,
      string
    >;
    expect(posted).toMatchObject({ sessionId: 's-1', text: `Soy ${HOSTILE}` });
    expect(posted.clientMessageId).toBeTruthy();
    expect(widget.shadow.querySelectorAll('[data-testid="chat-message"]')).toHaveLength(2); // the pending copy is gone
  });

  it('keeps the session per broker, so a reload continues the conversation', async () => {
    const api = fakeApi(() => 'Perfecto');
    widget = mount({ broker: 'demo', api: '', pollMs: 20 });
    widget.open();
    await type('hola');
    await waitFor(() => expect(widget!.shadow.querySelectorAll('[data-from="agent"]')).toHaveLength(1));
    expect(localStorage.getItem('inmo.webchat.demo')).toBe('s-1');
    widget.destroy();

    widget = mount({ broker: 'demo', api: '', pollMs: 20 });
    widget.open();
    await waitFor(() => expect(widget!.shadow.querySelectorAll('[data-testid="chat-message"]')).toHaveLength(2));
    expect(api.calls.filter((c) => c.path.endsWith('/sessions'))).toHaveLength(1);
    expect(localStorage.getItem('inmo.webchat.other')).toBeNull();
  });

  it('shows an error and keeps the text when the message cannot be sent', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}', { status: 503 })),
    );
    widget = mount({ broker: 'demo', api: '' });
    widget.open();
    await type('hola');
    await waitFor(() => expect(q('.error').textContent).toMatch(/No se pudo enviar/));
    expect(q<HTMLTextAreaElement>('textarea').value).toBe('hola');
    expect(widget.shadow.querySelectorAll('[data-testid="chat-message"]')).toHaveLength(0);
  });

  it('asks the visitor to wait when the api says they are going too fast', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{"status":429}', { status: 429, headers: { 'Retry-After': '20' } })),
    );
    widget = mount({ broker: 'demo', api: '' });
    widget.open();
    await type('hola');
    await waitFor(() => expect(q('.error').textContent).toMatch(/Estás escribiendo muy rápido/));
    expect(q<HTMLTextAreaElement>('textarea').value).toBe('hola');
  });

  it('speaks English with data-lang="en" and reads its settings from the script tag', () => {
    const script = document.createElement('script');
    script.src = 'https://app.inmo.cl/widget.js';
    script.dataset.broker = 'acme';
    script.dataset.lang = 'en';
    expect(optionsFromScript(script)).toMatchObject({ broker: 'acme', api: 'https://app.inmo.cl', lang: 'en' });
    script.dataset.api = 'https://api.inmo.cl';
    expect(optionsFromScript(script)?.api).toBe('https://api.inmo.cl');
    delete script.dataset.broker;
    expect(optionsFromScript(script)).toBeNull();

    fakeApi(() => '');
    widget = mount({ broker: 'acme', api: '', lang: 'en' });
    expect(q('button.launcher').getAttribute('aria-label')).toBe('Open the chat');
    expect(q('button.send').textContent).toBe('Send');
  });
});
