import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import {
  Database,
  IdentityRepository,
  SessionsRepository,
  type SessionEndReason,
  type SessionMethod,
  type SessionRecord,
  type UserRecord,
} from '#libs/persistence';
import { AuditTrail, DomainError, ErrorCode, type AuditActor } from '#libs/core';
import { AUTH_OPTIONS, type AuthOptions } from './auth-options.js';
import { tokenHash } from './identity.service.js';
import { PrincipalCache } from './principal-cache.js';

/** How long sessions last and how their cookie is sent (docs/security.md, "Sessions"). */
export interface SessionSettings {
  /** A session nobody refreshed for this long ends (an open tab refreshes it every few minutes). */
  idleMinutes: number;
  /** A session ends this long after sign-in whatever happens: sign in again the next working day. */
  maxHours: number;
  /** `auto`: the cookie is `Secure` when the request came over HTTPS (as the server sees it, `TRUST_PROXY_HOPS` included). */
  cookieSecure: 'auto' | boolean;
  /** Origins besides the app's own that may call the cookie routes (CORS_ORIGINS). */
  trustedOrigins: string[];
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = { idleMinutes: 120, maxHours: 12, cookieSecure: 'auto', trustedOrigins: [] };

export interface SessionMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface OpenedSession {
  /** The secret for the HttpOnly cookie (setRefreshCookie): never in a response body. */
  refreshToken: string;
  sessionId: string;
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** A session as its user (or an admin) sees it: never its token. */
export interface SessionView {
  id: string;
  method: SessionMethod;
  createdAt: string;
  lastUsedAt: string;
  idleExpiresAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  /** The session the request itself belongs to. */
  current: boolean;
}

const REFRESH_TOKEN = /^[A-Za-z0-9_-]{43}$/;
const unauthenticated = (message: string, details: Record<string, unknown> = {}) => new DomainError(ErrorCode.Unauthenticated, message, details);
/** A user agent is shown to people, not trusted: kept short. */
const clip = (text: string | null, max: number) => (text ? text.slice(0, max) : null);

/**
 * Sign-in sessions: a short-lived access token (JWT carrying `sid`) plus a refresh token that is
 * rotated on every use. A refresh token presented a second time ends its whole session (it was
 * copied, or a stale tab raced another: either way nobody can tell the thief from the user).
 */
@Injectable()
export class SessionsService {
  readonly settings: SessionSettings;

  constructor(
    private readonly database: Database,
    private readonly sessions: SessionsRepository,
    private readonly identity: IdentityRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditTrail,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    private readonly principals: PrincipalCache,
  ) {
    this.settings = { ...DEFAULT_SESSION_SETTINGS, ...options.sessions };
  }

  /** Seconds from now until a session opened now ends at the latest: the refresh cookie's Max-Age. */
  get maxAgeSeconds(): number {
    return this.settings.maxHours * 3600;
  }

  /** A new session for a user who just proved who they are (password or OpenID Connect). */
  async open(user: UserRecord, meta: SessionMeta & { method: SessionMethod }, now = new Date()): Promise<OpenedSession> {
    const refreshToken = randomBytes(32).toString('base64url');
    const session = await this.sessions.insert(this.database.manager, {
      userId: user.id,
      refreshHash: tokenHash(refreshToken),
      method: meta.method,
      credentialsVersion: user.credentialsVersion,
      idleExpiresAt: this.idleDeadline(now),
      expiresAt: new Date(now.getTime() + this.maxAgeSeconds * 1000),
      ip: clip(meta.ip, 64),
      userAgent: clip(meta.userAgent, 300),
    });
    await this.audit.record({
      actor: { id: user.username },
      action: 'auth.session_started',
      subjectType: 'user',
      subjectId: user.username,
      data: { sessionId: session.id, method: meta.method, ip: session.ip, userAgent: session.userAgent },
    });
    return { refreshToken, sessionId: session.id, ...(await this.accessToken(user, session.id)) };
  }

  /**
   * A refresh token -> a new one and a new access token. Refused (401) when the token is unknown,
   * its session ended or passed a deadline, the user is disabled or their password changed since;
   * a token already rotated away ends its session (`reuse`).
   */
  async refresh(refreshToken: string | undefined, meta: SessionMeta, now = new Date()): Promise<OpenedSession> {
    if (!refreshToken || !REFRESH_TOKEN.test(refreshToken)) throw unauthenticated('No session to renew: sign in', { reason: 'missing' });
    const manager = this.database.manager;
    const next = randomBytes(32).toString('base64url');
    const session = await this.sessions.rotate(manager, tokenHash(refreshToken), tokenHash(next), now, this.idleDeadline(now));
    if (!session) return this.refuse(refreshToken, meta, now);
    const user = await this.identity.findUserById(manager, session.userId);
    if (!user || !user.active) {
      await this.end(session.id, 'disabled', { id: user?.username ?? 'system' }, now);
      throw unauthenticated('The account is disabled: the session has ended', { reason: 'disabled' });
    }
    if (user.credentialsVersion !== session.credentialsVersion) {
      await this.end(session.id, 'credentials', { id: user.username }, now);
      throw unauthenticated('The password changed since this sign-in: the session has ended, sign in again', { reason: 'credentials' });
    }
    return { refreshToken: next, sessionId: session.id, ...(await this.accessToken(user, session.id)) };
  }

  /** Why a refresh token that did not rotate is refused; a spent one ends its session first. */
  private async refuse(refreshToken: string, meta: SessionMeta, now: Date): Promise<never> {
    const found = await this.sessions.findByHash(this.database.manager, tokenHash(refreshToken));
    if (found?.spent) {
      const ended = await this.sessions.end(this.database.manager, found.session.id, 'reuse', now);
      if (ended) {
        this.principals.forget(ended.userId);
        const user = await this.identity.findUserById(this.database.manager, ended.userId);
        const username = user?.username ?? ended.userId;
        await this.audit.record({
          actor: { id: username },
          action: 'auth.session_reuse',
          subjectType: 'user',
          subjectId: username,
          data: { sessionId: ended.id, ip: clip(meta.ip, 64), userAgent: clip(meta.userAgent, 300) },
        });
        await this.recordEnded(ended, { id: username }, username);
      }
      throw unauthenticated('This refresh token was used already: the session has ended for safety, sign in again', { reason: 'reuse' });
    }
    if (found?.session.endedAt) throw unauthenticated('The session has ended: sign in again', { reason: found.session.endedReason ?? 'ended' });
    if (found) throw unauthenticated('The session expired: sign in again', { reason: 'expired' });
    throw unauthenticated('No session to renew: sign in', { reason: 'missing' });
  }

  /** Sign-out: ends the session of a refresh token (current or spent); quiet when there is none. */
  async logout(refreshToken: string | undefined, now = new Date()): Promise<void> {
    if (!refreshToken || !REFRESH_TOKEN.test(refreshToken)) return;
    const found = await this.sessions.findByHash(this.database.manager, tokenHash(refreshToken));
    if (!found) return;
    const user = await this.identity.findUserById(this.database.manager, found.session.userId);
    await this.end(found.session.id, 'logout', { id: user?.username ?? found.session.userId }, now);
  }

  /** A user's running sessions; `current` marks the caller's own. */
  async list(userId: string, currentSessionId: string | null, now = new Date()): Promise<SessionView[]> {
    return (await this.sessions.listLive(this.database.manager, userId, now)).map((s) => toView(s, currentSessionId));
  }

  /** Ends one of a user's sessions (their own, or an admin's decision); 404 when it is not a running session of theirs. */
  async endOf(userId: string, sessionId: string, reason: 'ended_by_user' | 'ended_by_admin', by: AuditActor, now = new Date()): Promise<void> {
    const session = await this.sessions.findById(this.database.manager, sessionId);
    if (!session || session.userId !== userId || session.endedAt) {
      throw new DomainError(ErrorCode.SessionNotFound, `No running session has the id ${sessionId}`, { id: sessionId });
    }
    await this.end(sessionId, reason, by, now);
  }

  /**
   * After a user changed their own password: their other sessions end, the current one carries on
   * under the new credentials version. Without a current session (an API token), all end.
   */
  async afterPasswordChange(user: UserRecord, currentSessionId: string | null, by: AuditActor, now = new Date()): Promise<void> {
    const ended = await this.sessions.endAllOf(this.database.manager, user.id, 'password_changed', now, currentSessionId);
    if (currentSessionId) await this.sessions.setCredentialsVersion(this.database.manager, currentSessionId, user.credentialsVersion);
    this.principals.forget(user.id);
    if (ended.length)
      await this.audit.record({
        actor: by,
        action: 'auth.session_ended',
        subjectType: 'user',
        subjectId: user.username,
        data: { sessionIds: ended, reason: 'password_changed' },
      });
  }

  /** A new access token for a session: the JWT carries the user's credentials version and the session id. */
  async accessToken(user: UserRecord, sessionId: string | null): Promise<{ accessToken: string; tokenType: 'Bearer'; expiresIn: number }> {
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, username: user.username, cv: user.credentialsVersion, ...(sessionId ? { sid: sessionId } : {}) },
      { expiresIn: this.options.accessTtlSeconds },
    );
    return { accessToken, tokenType: 'Bearer', expiresIn: this.options.accessTtlSeconds };
  }

  private idleDeadline(now: Date): Date {
    return new Date(now.getTime() + this.settings.idleMinutes * 60_000);
  }

  private async end(sessionId: string, reason: SessionEndReason, by: AuditActor, now: Date): Promise<void> {
    const ended = await this.sessions.end(this.database.manager, sessionId, reason, now);
    if (!ended) return;
    // Every process hears of it (the triggers' notification); this one at once, before it answers.
    this.principals.forget(ended.userId);
    const user = await this.identity.findUserById(this.database.manager, ended.userId);
    await this.recordEnded(ended, by, user?.username ?? ended.userId);
  }

  private async recordEnded(session: SessionRecord, by: AuditActor, username: string): Promise<void> {
    await this.audit.record({
      actor: by,
      action: 'auth.session_ended',
      subjectType: 'user',
      subjectId: username,
      data: { sessionId: session.id, reason: session.endedReason },
    });
  }
}

function toView(s: SessionRecord, currentSessionId: string | null): SessionView {
  return {
    id: s.id,
    method: s.method,
    createdAt: s.createdAt.toISOString(),
    lastUsedAt: s.lastUsedAt.toISOString(),
    idleExpiresAt: s.idleExpiresAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.id === currentSessionId,
  };
}
