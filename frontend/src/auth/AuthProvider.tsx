import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { session, type Tokens } from './session';

export type Role = 'SUPERADMIN' | 'ADMIN' | 'AGENT';

/** `GET /auth/me`. */
export interface Me {
  id: string;
  email: string;
  full_name: string;
  role: Role;
  broker_id: string | null;
}

interface Auth {
  me: Me | undefined;
  loading: boolean;
  signedIn: boolean;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [signedIn, setSignedIn] = useState(session.signedIn());

  useEffect(
    () =>
      session.subscribe((now) => {
        setSignedIn(now);
        // another user may sign in next: nothing of this one's may show
        if (!now) queryClient.clear();
      }),
    [queryClient],
  );

  const me = useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => api<Me>('/auth/me', { signal }),
    enabled: signedIn,
    staleTime: 5 * 60_000,
  });

  const login = useCallback(async (email: string, password: string) => {
    const tokens = await api<Tokens>('/auth/login', { body: { email, password }, auth: false });
    session.start(tokens);
  }, []);

  const logout = useCallback(async () => {
    const refresh = session.refreshToken();
    session.end();
    if (refresh) {
      await api('/auth/logout', { body: { refresh_token: refresh }, auth: false }).catch(() => undefined);
    }
  }, []);

  const value = useMemo<Auth>(
    () => ({ me: me.data, loading: signedIn && me.isPending, signedIn, login, logout }),
    [me.data, me.isPending, signedIn, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** What each role may open; the api enforces the same rules, this only hides what would answer 403/404. */
export const canSee = {
  operations: (role?: Role) => role === 'ADMIN' || role === 'SUPERADMIN',
  settings: (role?: Role) => role === 'ADMIN' || role === 'SUPERADMIN',
  users: (role?: Role) => role === 'ADMIN' || role === 'SUPERADMIN',
  brokers: (role?: Role) => role === 'SUPERADMIN',
};
