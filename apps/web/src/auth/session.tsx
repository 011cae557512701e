// The signed-in user: sign-in, /me (memberships and units), sign-out, and what to do on a 401.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, hasToken, setToken, setUnauthorizedHandler } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { clearCatalogue } from '../definitions/catalogue.ts';

type Status = 'loading' | 'anonymous' | 'signed-in';

export interface Session {
  status: Status;
  me: Me | null;
  /** Why the user was signed out (an expired session), shown on the sign-in page. */
  notice: 'expired' | null;
  signIn(username: string, password: string): Promise<Me>;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);

export const isAdmin = (me: Me | null) => !!me?.memberships.some((m) => m.role === 'admin');
export const isAuditor = (me: Me | null) => !!me?.memberships.some((m) => m.role === 'auditor');
/** Whether `me` may start a case of a definition that names who may (`startableBy`); the API checks the same. */
export const mayStart = (me: Me | null, who: { roles: string[]; units?: string[] } | null | undefined) =>
  !who || !!me?.memberships.some((m) => who.roles.includes(m.role) && (!who.units?.length || who.units.includes(m.unit)));
/** Admins and auditors read the whole history. */
export const canAudit = (me: Me | null) => isAdmin(me) || isAuditor(me);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>(hasToken() ? 'loading' : 'anonymous');
  const [me, setMe] = useState<Me | null>(null);
  const [notice, setNotice] = useState<'expired' | null>(null);

  const reset = useCallback((why: 'expired' | null) => {
    setToken(null);
    clearCatalogue();
    setMe(null);
    setNotice(why);
    setStatus('anonymous');
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => reset('expired'));
    if (hasToken()) {
      api<Me>('/me').then(
        (m) => {
          setMe(m);
          setStatus('signed-in');
        },
        () => reset(null),
      );
    }
    return () => setUnauthorizedHandler(null);
  }, [reset]);

  const signIn = useCallback(async (username: string, password: string) => {
    const login = await api<{ accessToken: string }>('/auth/login', { method: 'POST', body: { username, password } });
    setToken(login.accessToken);
    try {
      const m = await api<Me>('/me');
      setMe(m);
      setNotice(null);
      setStatus('signed-in');
      return m;
    } catch (error) {
      setToken(null);
      throw error;
    }
  }, []);

  const signOut = useCallback(() => reset(null), [reset]);

  const value = useMemo(() => ({ status, me, notice, signIn, signOut }), [status, me, notice, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
