/**
 * The signed-in session: the api's access token (short-lived JWT) and refresh token, kept in
 * localStorage so a reload or a second tab stays signed in. The api rotates refresh tokens and revokes
 * the whole family when an old one is reused, so a refresh runs once at a time per tab.
 */
export interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_in?: number;
}

const KEY = 'inmo.session';
type Listener = (signedIn: boolean) => void;
const listeners = new Set<Listener>();
let refreshing: Promise<boolean> | null = null;

function read(): Tokens | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Tokens) : null;
  } catch {
    return null;
  }
}

function notify(signedIn: boolean) {
  listeners.forEach((listener) => listener(signedIn));
}

export const session = {
  accessToken: (): string | null => read()?.access_token ?? null,
  refreshToken: (): string | null => read()?.refresh_token ?? null,
  signedIn: (): boolean => read() !== null,

  start(tokens: Tokens) {
    localStorage.setItem(KEY, JSON.stringify(tokens));
    notify(true);
  },

  end() {
    const had = read() !== null;
    localStorage.removeItem(KEY);
    if (had) notify(false);
  },

  /** Trades the refresh token for new tokens; false when the session is over. */
  refresh(): Promise<boolean> {
    if (!refreshing) {
      const token = read()?.refresh_token;
      refreshing = (async () => {
        if (!token) return false;
        try {
          const response = await fetch('/auth/refresh', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify({ refresh_token: token }),
          });
          if (!response.ok) return false;
          const tokens = (await response.json()) as Tokens;
          localStorage.setItem(KEY, JSON.stringify(tokens));
          return true;
        } catch {
          return false;
        }
      })().finally(() => {
        refreshing = null;
      });
    }
    return refreshing;
  },

  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
