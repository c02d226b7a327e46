import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * A local Telegram Bot API for the end-to-end tests, speaking its wire format: `POST /bot<token>/<method>`
 * with a JSON (or form) body, answers `{"ok": true, "result": …}` or `{"ok": false, "error_code", "description"}`.
 * The dev mode polls it with getUpdates (no TELEGRAM_WEBHOOK_URL) and sends replies with sendMessage.
 *
 * Tests steer it over `/__control/*`: queue an update a lead "wrote", make sendMessage refuse (as Telegram
 * does for a message it cannot parse) or accept again, and read what was sent.
 */
interface Sent {
  chatId: number;
  text: string;
}

export function startBotApiStub(port: number) {
  const queued: unknown[] = [];
  const sent: Sent[] = [];
  let nextUpdateId = 1000;
  let refuseSends = false;

  const server = createServer(async (req, res) => {
    const body = await read(req);
    const url = new URL(req.url ?? '/', 'http://stub');
    if (url.pathname.startsWith('/__control/')) return control(url.pathname.slice('/__control/'.length), body, res);
    // Telegram's method names are case-insensitive, and telegrambots sends them in lower case
    const method = (url.pathname.split('/').pop() ?? '').toLowerCase();
    const params = parse(body, req.headers['content-type']);
    switch (method) {
      case 'getme':
        return ok(res, { id: 123456789, is_bot: true, first_name: 'Inmo E2E', username: 'inmo_e2e_bot' });
      case 'getupdates': {
        const offset = Number(params.offset ?? 0);
        // long polling: hold the request a little while nothing is queued, as Telegram holds it
        for (let i = 0; i < 10 && !queued.some((u) => (u as { update_id: number }).update_id >= offset); i++) {
          await new Promise((r) => setTimeout(r, 100));
        }
        return ok(
          res,
          queued.filter((u) => (u as { update_id: number }).update_id >= offset),
        );
      }
      case 'sendmessage': {
        if (refuseSends) {
          // a refusal that retrying cannot fix, and that is not "this chat is gone" (blocked, not found)
          return json(res, 400, {
            ok: false,
            error_code: 400,
            description: "Bad Request: can't parse entities: unsupported start tag at byte offset 0",
          });
        }
        const chatId = Number(params.chat_id);
        sent.push({ chatId, text: String(params.text ?? '') });
        return ok(res, {
          message_id: sent.length,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: 'private' },
          text: params.text,
        });
      }
      case 'getwebhookinfo':
        return ok(res, { url: '', has_custom_certificate: false, pending_update_count: 0 });
      default: // sendChatAction, deleteWebhook, setWebhook, setMyCommands…
        return ok(res, true);
    }
  });

  function control(action: string, body: string, res: ServerResponse) {
    const input = body ? JSON.parse(body) : {};
    switch (action) {
      case 'message': {
        const update = {
          update_id: nextUpdateId++,
          message: {
            message_id: nextUpdateId,
            from: { id: input.chatId, is_bot: false, first_name: input.firstName ?? 'Lead', language_code: 'es' },
            chat: { id: input.chatId, type: 'private', first_name: input.firstName ?? 'Lead' },
            date: Math.floor(Date.now() / 1000),
            text: input.text,
          },
        };
        queued.push(update);
        return json(res, 200, update);
      }
      case 'refuse-sends':
        refuseSends = input.refuse === true;
        return json(res, 200, { refuseSends });
      case 'sent':
        return json(
          res,
          200,
          sent.filter((s) => input.chatId === undefined || s.chatId === input.chatId),
        );
      default:
        return json(res, 404, { error: `no control ${action}` });
    }
  }

  server.listen(port, '127.0.0.1');
  server.unref(); // the runner exits when the tests are done
  return server;
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function parse(body: string, type: string | undefined): Record<string, unknown> {
  if (!body) return {};
  if (type?.includes('json')) return JSON.parse(body);
  return Object.fromEntries(new URLSearchParams(body));
}

function ok(res: ServerResponse, result: unknown) {
  json(res, 200, { ok: true, result });
}

function json(res: ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(value));
}
