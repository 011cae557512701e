// The signed-in user: sign-in, /me (memberships and units), sign-out, and what to do when the
// session ends. The access token is renewed from the session cookie by the API client; when the
// session really ends (signed out elsewhere, disabled, past its deadline) the page stays as it is,
// with what was typed, under a dialog that signs the same person in again.
import { createContext, Fragment, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, endSession, hasToken, refreshSession, setToken, setUnauthorizedHandler } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { clearCatalogue } from '../definitions/catalogue.ts';
import { ReauthDialog } from './ReauthDialog.tsx';

type Status = 'loading' | 'anonymous' | 'signed-in';

export interface Session {
  status: Status;
  me: Me | null;
  /** Why the user was signed out (an expired session), shown on the sign-in page. */
  notice: 'expired' | null;
  /** Signed in, but the session ended: the page is kept under a sign-in dialog. */
  expired: boolean;
  signIn(username: string, password: string): Promise<Me>;
  /** Carries on with a session opened elsewhere (single sign-on in another tab); false when there is none. */
  resume(): Promise<boolean>;
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
  // Without a token in this tab the session cookie may still hold one (another tab, a reload, a
  // single sign-on that came back to `/`): asked once before the sign-in page shows.
  const [status, setStatus] = useState<Status>('loading');
  const [me, setMe] = useState<Me | null>(null);
  const [notice, setNotice] = useState<'expired' | null>(null);
  const [expired, setExpired] = useState(false);
  const meRef = useRef<Me | null>(null);
  // Moves on when another person signs in over an open page: their pages start afresh (keyed below).
  const [generation, setGeneration] = useState(0);
  meRef.current = me;

  const reset = useCallback((why: 'expired' | null) => {
    setToken(null);
    clearCatalogue();
    setMe(null);
    setExpired(false);
    setNotice(why);
    setStatus('anonymous');
  }, []);

  useEffect(() => {
    // A signed-in page is never unmounted by an ended session: the dialog asks over it.
    setUnauthorizedHandler(() => (meRef.current ? setExpired(true) : reset('expired')));
    let live = true;
    (async () => {
      // Without the server's hint cookie no session cookie was ever set here: nothing to ask for.
      if (!hasToken() && !(/(?:^|;\s*)phoihop_session=1(?:;|$)/.test(document.cookie) && (await refreshSession()))) {
        if (live) setStatus('anonymous');
        return;
      }
      try {
        const m = await api<Me>('/me');
        if (!live) return;
        setMe(m);
        setStatus('signed-in');
      } catch {
        if (live) reset(null);
      }
    })();
    return () => {
      live = false;
      setUnauthorizedHandler(null);
    };
  }, [reset]);

  /** Signed in as `m` (again, or someone else at this desk: then nothing of the previous user's pages stays). */
  const adopt = useCallback((m: Me) => {
    if (meRef.current && meRef.current.id !== m.id) {
      clearCatalogue();
      setGeneration((g) => g + 1);
    }
    setMe(m);
    setNotice(null);
    setExpired(false);
    setStatus('signed-in');
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const login = await api<{ accessToken: string; expiresIn: number }>('/auth/login', { method: 'POST', body: { username, password } });
    setToken(login.accessToken, login.expiresIn);
    try {
      const m = await api<Me>('/me');
      adopt(m);
      return m;
    } catch (error) {
      setToken(null);
      throw error;
    }
  }, [adopt]);

  const resume = useCallback(async () => {
    if (!(await refreshSession())) return false;
    adopt(await api<Me>('/me'));
    return true;
  }, [adopt]);

  const signOut = useCallback(() => {
    void endSession();
    reset(null);
  }, [reset]);

  const value = useMemo(() => ({ status, me, notice, expired, signIn, resume, signOut }), [status, me, notice, expired, signIn, resume, signOut]);
  return (
    <SessionContext.Provider value={value}>
      {/* Another person signed in at this desk gets fresh pages, never the previous one's typed text. */}
      <Fragment key={generation}>{children}</Fragment>
      {expired && me ? <ReauthDialog username={me.username} /> : null}
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
