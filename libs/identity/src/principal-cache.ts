import { Inject, Injectable } from '@nestjs/common';
import { LiveChannel, type ChannelWatcher, type SessionDeadlines } from '#libs/persistence';
import type { Principal } from '#libs/core';
import { AUTH_OPTIONS, type AuthOptions } from './auth-options.js';

/** The channel the triggers of migration PrincipalChanges1765929600000 notify on; the payload is a user id. */
export const IDENTITY_CHANNEL = 'phoihop_identity';

/** Seconds a principal is kept when the settings say nothing (PRINCIPAL_CACHE_SECONDS). */
export const DEFAULT_PRINCIPAL_CACHE_SECONDS = 5;
/** Users kept at most; the least recently used go first. */
const MAX_USERS = 10_000;
/** Sessions kept per user (a person has a browser or two; an API token counts as one). */
const MAX_SESSIONS_PER_USER = 8;

/** What a signed-in request checks of its caller, as a read found it. */
export interface PrincipalState {
  principal: Principal;
  credentialsVersion: number;
  /** The deadlines of the access token's session; null when the token names none. */
  session: SessionDeadlines | null;
}

interface Entry {
  state: PrincipalState;
  until: number;
}

/**
 * The principals of recent requests, kept a few seconds in each api process so that a request
 * does not read its caller (user, memberships, session) from the pool again: the statement saved
 * on every request is replaced by a shared round trip on the LISTEN connection (lookup). Only
 * while every change is heard at once: the process LISTENs on
 * `phoihop_identity`, which triggers notify in the transaction of any change to a user, their
 * memberships or their sessions; a notification drops that user here. When the LISTEN connection
 * is lost nothing is served (each request reads its caller) until it is back, and the cache
 * restarts empty: a notification missed in between cannot keep a revoked principal alive. The
 * deadlines (TTL) bound what a connection that died silently could leave.
 *
 * A read races a change: it may return what was true before a change whose notification arrives
 * while it runs. A read stores what it found only if no notification (nor a loss of the connection)
 * came since it began (`reading()`'s generation), so that it cannot put a dropped principal back.
 */
@Injectable()
export class PrincipalCache {
  private readonly ttlMs: number;
  private readonly users = new Map<string, Map<string, Entry>>();
  /** Moves on at every change heard and every loss or return of the connection. */
  private generation = 0;
  /** True while the process LISTENs: entries are served and stored only then. */
  private serving = false;
  private started = false;

  constructor(
    private readonly channel: LiveChannel,
    @Inject(AUTH_OPTIONS) options: AuthOptions,
  ) {
    this.ttlMs = (options.principalCacheSeconds ?? DEFAULT_PRINCIPAL_CACHE_SECONDS) * 1000;
  }

  /** Whether entries are served now (the process LISTENs and the cache is on). */
  get live(): boolean {
    return this.serving;
  }

  /** How many principals are kept (all sessions of all users). */
  get size(): number {
    let n = 0;
    for (const sessions of this.users.values()) n += sessions.size;
    return n;
  }

  /**
   * The state kept for this user and session, if any and still fresh. A hit is answered only after
   * a round trip on the LISTEN connection (LiveChannel.sync, shared by the requests of that moment):
   * every change committed before this request arrived has then been heard, whichever process made
   * it, so the next request after a change is judged by it. Cheaper than the read it saves: no pooled
   * connection, no statement to plan or rows to parse.
   */
  async lookup(userId: string, sessionId: string | null, now = Date.now()): Promise<PrincipalState | undefined> {
    this.start();
    if (!this.find(userId, sessionId, now)) return undefined;
    if (!(await this.channel.sync())) return undefined;
    return this.find(userId, sessionId, now)?.state;
  }

  /** The generation to hand back to store(): taken before reading the database. */
  reading(): number {
    return this.generation;
  }

  /** Keeps what a read found, unless something changed (or the channel was lost) since reading() was taken. */
  store(userId: string, sessionId: string | null, state: PrincipalState, generation: number, now = Date.now()): void {
    if (!this.serving || generation !== this.generation || this.ttlMs <= 0) return;
    let sessions = this.users.get(userId);
    if (sessions) this.users.delete(userId);
    else sessions = new Map();
    this.users.set(userId, sessions);
    sessions.delete(sessionId ?? '');
    sessions.set(sessionId ?? '', { state, until: now + this.ttlMs });
    if (sessions.size > MAX_SESSIONS_PER_USER) sessions.delete(sessions.keys().next().value!);
    if (this.users.size > MAX_USERS) this.users.delete(this.users.keys().next().value!);
  }

  /**
   * Drops a user: called for every notification, and by this process right after it committed a
   * change itself (its own notification arrives a moment later; its next request must not wait for it).
   */
  forget(userId: string): void {
    this.generation++;
    this.users.delete(userId);
  }

  private find(userId: string, sessionId: string | null, now: number): Entry | undefined {
    if (!this.serving) return undefined;
    const sessions = this.users.get(userId);
    const entry = sessions?.get(sessionId ?? '');
    if (!entry) return undefined;
    if (entry.until <= now) {
      sessions!.delete(sessionId ?? '');
      return undefined;
    }
    // Recently used users stay; the least recently used go first when the cache is full.
    this.users.delete(userId);
    this.users.set(userId, sessions!);
    return entry;
  }

  /** Starts listening on the first request (a worker or the CLI, which serve none, never listen). */
  private start(): void {
    if (this.started || this.ttlMs <= 0) return;
    this.started = true;
    const watcher: ChannelWatcher = {
      message: (userId) => this.forget(userId),
      up: () => this.reset(true),
      down: () => this.reset(false),
    };
    // A failure is retried by the channel; until `up`, nothing is served.
    this.channel.watch(IDENTITY_CHANNEL, watcher).catch(() => undefined);
  }

  private reset(serving: boolean): void {
    this.generation++;
    this.users.clear();
    this.serving = serving;
  }
}
