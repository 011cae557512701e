// The signed-in user's live stream (GET /api/v1/me/stream, Server-Sent Events): opened with a
// single-use ticket (EventSource cannot send the bearer token), re-opened with a new ticket when it
// drops, and shared by the bell, the notifications page and the inbox through a context.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, API } from '../api/client.ts';
import type { JsonOf } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';

export type LiveEvent = 'notification' | 'inbox';
type Handler = (data: unknown) => void;

interface Live {
  /** Calls `handler` for each event of this kind until the returned function is called. */
  subscribe(event: LiveEvent, handler: Handler): () => void;
  /** Changes whenever the user's notifications may have changed (a new one, or marks made here). */
  notificationsVersion: number;
  /** Tell the others (the bell) that notifications were marked here. */
  notificationsChanged(): void;
  /** Whether the stream is open now. */
  connected: boolean;
}

const LiveContext = createContext<Live | null>(null);

type Ticket = JsonOf<'/api/v1/me/stream/ticket', 'post'>;

/** Delay before re-opening a dropped stream: 1 s, doubling up to 30 s. */
const backoff = (attempt: number) => Math.min(30_000, 1000 * 2 ** attempt);

export function LiveProvider({ children }: { children: ReactNode }) {
  const { status, me } = useSession();
  const handlers = useRef(new Map<LiveEvent, Set<Handler>>());
  const [notificationsVersion, setVersion] = useState(0);
  const [connected, setConnected] = useState(false);
  const notificationsChanged = useCallback(() => setVersion((n) => n + 1), []);

  const emit = useCallback((event: LiveEvent, data: unknown) => {
    for (const h of [...(handlers.current.get(event) ?? [])]) h(data);
    if (event === 'notification') setVersion((n) => n + 1);
  }, []);

  useEffect(() => {
    if (status !== 'signed-in' || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let stopped = false;
    const open = async () => {
      if (stopped) return;
      let ticket: Ticket;
      try {
        ticket = await api<Ticket>('/me/stream/ticket', { method: 'POST' });
      } catch {
        retry();
        return;
      }
      if (stopped) return;
      source = new EventSource(`${API}/me/stream?ticket=${encodeURIComponent(ticket.ticket)}`);
      const parse = (e: MessageEvent) => {
        try {
          return JSON.parse(e.data as string) as unknown;
        } catch {
          return undefined;
        }
      };
      source.addEventListener('ready', () => {
        setConnected(true);
        // Something may have happened while it was closed: let the pages refetch.
        if (attempt > 0) {
          emit('inbox', { changed: true });
          setVersion((n) => n + 1);
        }
        attempt = 0;
      });
      source.addEventListener('notification', (e) => emit('notification', parse(e as MessageEvent)));
      source.addEventListener('inbox', (e) => emit('inbox', parse(e as MessageEvent)));
      // A ticket opens the stream once: EventSource's own reconnection would be refused, so close
      // and start again with a new ticket.
      source.onerror = () => {
        setConnected(false);
        source?.close();
        source = null;
        retry();
      };
    };
    const retry = () => {
      if (stopped) return;
      clearTimeout(timer);
      timer = setTimeout(open, backoff(attempt++));
    };
    void open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
      setConnected(false);
    };
  }, [status, me?.id, emit]);

  const subscribe = useCallback((event: LiveEvent, handler: Handler) => {
    const set = handlers.current.get(event) ?? new Set<Handler>();
    handlers.current.set(event, set);
    set.add(handler);
    return () => {
      set.delete(handler);
    };
  }, []);

  const value = useMemo(() => ({ subscribe, notificationsVersion, notificationsChanged, connected }), [subscribe, notificationsVersion, notificationsChanged, connected]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

const NONE: Live = { subscribe: () => () => undefined, notificationsVersion: 0, notificationsChanged: () => undefined, connected: false };

export function useLive(): Live {
  return useContext(LiveContext) ?? NONE;
}

/** Runs `handler` on each live event of this kind while the component is mounted. */
export function useLiveEvent(event: LiveEvent, handler: Handler): void {
  const { subscribe } = useLive();
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => subscribe(event, (data) => ref.current(data)), [subscribe, event]);
}
