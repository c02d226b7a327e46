import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, withQuery } from './client';
import { session } from '../auth/session';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

afterEach(() => vi.unstubAllGlobals());

describe('withQuery', () => {
  it('skips empty values and repeats arrays', () => {
    expect(withQuery('/x', { q: '', stage: ['NEW', 'WON'], page: 2, none: undefined })).toBe(
      '/x?stage=NEW&stage=WON&page=2',
    );
  });
});

describe('api', () => {
  it('sends the access token and parses JSON', async () => {
    session.start({ access_token: 'a1', refresh_token: 'r1' });
    const fetchMock = vi.fn().mockResolvedValue(json(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(api('/api/v1/leads')).resolves.toEqual({ ok: true });
    expect(fetchMock.mock.calls[0][1].headers.Authorization).toBe('Bearer a1');
  });

  it('refreshes an expired token once and repeats the request', async () => {
    session.start({ access_token: 'old', refresh_token: 'r1' });
    const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
      if (url === '/auth/refresh') return json(200, { access_token: 'new', refresh_token: 'r2' });
      const auth = (init.headers as Record<string, string>).Authorization;
      return auth === 'Bearer new' ? json(200, { id: 1 }) : json(401, { title: 'Unauthorized' });
    });
    vi.stubGlobal('fetch', fetchMock);
    await expect(api('/auth/me')).resolves.toEqual({ id: 1 });
    expect(session.refreshToken()).toBe('r2');
    expect(fetchMock.mock.calls.filter(([url]) => url === '/auth/refresh')).toHaveLength(1);
  });

  it('ends the session when the refresh is refused', async () => {
    session.start({ access_token: 'old', refresh_token: 'stolen' });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => (url === '/auth/refresh' ? json(401, {}) : json(401, {}))),
    );
    await expect(api('/auth/me')).rejects.toBeInstanceOf(ApiError);
    expect(session.signedIn()).toBe(false);
  });

  it('carries the problem detail of an error', async () => {
    session.start({ access_token: 'a', refresh_token: 'r' });
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(json(409, { title: 'Conflict', detail: 'The lead is in human mode' })),
    );
    const error = (await api('/api/v1/leads/1/stage', { body: {} }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(409);
    expect(error.message).toBe('The lead is in human mode');
  });
});
