import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { IdentityRepository, StreamTicketsRepository, type SessionDeadlines, type UserRecord, Database } from '#libs/persistence';
import { actorOf, AuditTrail, DomainError, ErrorCode, type Principal } from '#libs/core';
import { IdentityService, tokenHash } from './identity.service.js';
import { verifyPassword } from './passwords.js';
import { RESERVED_ROLES } from './reserved.js';
import { AUTH_OPTIONS, type AuthOptions } from './auth-options.js';
import { SessionsService, type OpenedSession, type SessionMeta } from './sessions.service.js';
import { PrincipalCache, type PrincipalState } from './principal-cache.js';

export { type AuthOptions, AUTH_OPTIONS } from './auth-options.js';

/** How long a live-stream ticket may wait to be used. */
export const STREAM_TICKET_TTL_MS = 30_000;

/** Compared against when the username is unknown, so that both paths take the time of a bcrypt check. */
const DUMMY_HASH = '$2b$11$m1p3JDogVSY8KBZKzUPtUuebM9Eug/J84djMJEdgSgwteYitGFAn6';

const unauthenticated = (message: string) => new DomainError(ErrorCode.Unauthenticated, message, {});

/**
 * The principal of a user. Roles the engine keeps for itself are dropped even if a row grants them
 * (written before they were refused, or by hand): no person acts as `system`.
 */
export const principalOf = (u: UserRecord): Principal => ({
  userId: u.id,
  username: u.username,
  displayName: u.displayName,
  memberships: u.memberships.filter((m) => !RESERVED_ROLES.has(m.role)),
});

interface AccessClaims {
  sub?: string;
  /** The user's credentials version at sign-in (absent in tokens signed before it existed: 0). */
  cv?: number;
  /** The session the token belongs to (absent in tokens signed before sessions existed). */
  sid?: string;
}

/** Who is calling, and through which session (null for API tokens and older access tokens). */
export interface Authenticated {
  principal: Principal;
  sessionId: string | null;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: Database,
    private readonly identity: IdentityRepository,
    private readonly jwt: JwtService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    private readonly audit: AuditTrail,
    private readonly users: IdentityService,
    private readonly tickets: StreamTicketsRepository,
    private readonly sessions: SessionsService,
    private readonly principals: PrincipalCache,
  ) {}

  /**
   * A ticket that opens the caller's live stream once (EventSource cannot send an Authorization
   * header): 32 random bytes, base64url, valid for STREAM_TICKET_TTL_MS; only its SHA-256 is stored.
   */
  async issueStreamTicket(p: Principal, now = new Date()): Promise<{ ticket: string; expiresAt: Date }> {
    const ticket = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + STREAM_TICKET_TTL_MS);
    await this.tickets.insert(this.dataSource.manager, tokenHash(ticket), p.userId, expiresAt);
    return { ticket, expiresAt };
  }

  /** The principal a stream ticket was issued to; the ticket is spent. 401 when unknown, used, expired, or its user is disabled. */
  async redeemStreamTicket(ticket: string | undefined, now = new Date()): Promise<Principal> {
    const refused = () => unauthenticated('The stream ticket is unknown, used or expired: ask POST /api/v1/me/stream/ticket for a new one');
    if (!ticket || !/^[A-Za-z0-9_-]{43}$/.test(ticket)) throw refused();
    const manager = this.dataSource.manager;
    const userId = await this.tickets.redeem(manager, tokenHash(ticket), now);
    const user = userId ? await this.identity.findUserById(manager, userId) : undefined;
    if (!user || !user.active) throw refused();
    return principalOf(user);
  }

  /**
   * Username and password -> a new session: a short-lived JWT and a refresh token (for the cookie).
   * Repeated failures lock the username for a while.
   */
  async login(username: string, password: string, meta: SessionMeta): Promise<OpenedSession> {
    const ip = meta.ip;
    const manager = this.dataSource.manager;
    await this.refuseLocked(username);
    const user = await this.identity.findUserByUsername(manager, username);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !user.passwordHash || !ok || !user.active) {
      await this.identity.recordLoginFailure(manager, username, ip);
      await this.audit.record({ actor: { id: username }, action: 'auth.login_failed', subjectType: 'user', subjectId: username, data: { ip } });
      throw unauthenticated('Wrong username or password');
    }
    await this.identity.clearLoginFailures(manager, username);
    return this.sessions.open(user, { ...meta, method: 'password' });
  }

  /**
   * The signed-in user's new password, given the current one. A wrong current password counts as a
   * failed sign-in of that username (so it cannot be guessed here past the lockout) and answers 403,
   * not 401: the caller's session is fine. Answers a new access token, as every older one ends;
   * the caller's session (if any) carries on, the user's other sessions end.
   */
  async changePassword(
    principal: Principal,
    sessionId: string | null,
    current: string,
    next: string,
    ip: string | null,
  ): Promise<{ accessToken: string; tokenType: 'Bearer'; expiresIn: number }> {
    const manager = this.dataSource.manager;
    await this.refuseLocked(principal.username);
    const user = await this.identity.findUserById(manager, principal.userId);
    if (!user || !user.passwordHash || !(await verifyPassword(current, user.passwordHash))) {
      await this.identity.recordLoginFailure(manager, principal.username, ip);
      await this.audit.record({
        actor: actorOf(principal),
        action: 'auth.password_change_failed',
        subjectType: 'user',
        subjectId: principal.username,
        data: { ip },
      });
      throw new DomainError(ErrorCode.Forbidden, 'The current password is wrong', {});
    }
    const changed = await this.users.changeOwnPassword(user.id, next, actorOf(principal));
    await this.identity.clearLoginFailures(manager, principal.username);
    await this.sessions.afterPasswordChange(changed, sessionId, actorOf(principal));
    return this.sessions.accessToken(changed, sessionId);
  }

  private async refuseLocked(username: string): Promise<void> {
    const failures = await this.identity.recentLoginFailures(this.dataSource.manager, username, this.options.lockoutWindowMs);
    if (failures.count >= this.options.maxFailures) {
      const retryAfter = Math.max(1, Math.ceil(((failures.oldest?.getTime() ?? Date.now()) + this.options.lockoutWindowMs - Date.now()) / 1000));
      throw new DomainError(ErrorCode.TooManyAttempts, `Too many failed sign-ins for "${username}"; try again in ${retryAfter} s`, { retryAfter });
    }
  }

  /** The principal behind an Authorization header value: a JWT from sign-in, or an API token (`php_…`). */
  async authenticate(bearer: string): Promise<Principal> {
    return (await this.authenticateSession(bearer)).principal;
  }

  /** As authenticate, with the session of the access token; an ended session's tokens stop at once. */
  async authenticateSession(bearer: string): Promise<Authenticated> {
    const manager = this.dataSource.manager;
    if (bearer.startsWith('php_')) {
      const user = await this.identity.useToken(manager, tokenHash(bearer));
      if (!user || !user.active) throw unauthenticated('The API token is unknown, expired or revoked');
      return { principal: principalOf(user), sessionId: null };
    }
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync(bearer);
    } catch {
      throw unauthenticated('The access token is invalid or expired; sign in again');
    }
    if (!claims.sub) throw unauthenticated('The account no longer exists or is disabled');
    const sessionId = claims.sid ?? null;
    const now = new Date();
    // Kept from a recent request of this process (principal-cache.ts: dropped at once, in every
    // process, when the user, their memberships or their sessions change). A kept state that no
    // longer admits the token is not a refusal: the database decides.
    const kept = await this.principals.lookup(claims.sub, sessionId, now.getTime());
    if (kept && admits(kept, claims, now)) return { principal: kept.principal, sessionId };
    // Roles are read fresh: a membership removed by an admin takes effect at once. The session in
    // the same read: sign-out and ending a session stop its access tokens now, not when they expire.
    const generation = this.principals.reading();
    const found = await this.identity.findUserWithSession(manager, claims.sub, sessionId);
    if (!found || !found.user.active) throw unauthenticated('The account no longer exists or is disabled');
    const user = found.user;
    const state: PrincipalState = { principal: principalOf(user), credentialsVersion: user.credentialsVersion, session: found.session };
    // Signed before the password changed or the user was disabled: that session is over.
    if ((claims.cv ?? 0) !== user.credentialsVersion)
      throw unauthenticated('The password changed or the account was disabled since this sign-in; sign in again');
    if (sessionId && !sessionRuns(found.session, now)) throw unauthenticated('This session has ended; sign in again');
    this.principals.store(claims.sub, sessionId, state, generation, now.getTime());
    return { principal: state.principal, sessionId };
  }
}

/** A session that has not ended and whose deadlines (absolute, and idle: no refresh for too long) are ahead. */
function sessionRuns(session: SessionDeadlines | null, now: Date): boolean {
  return !!session && !session.endedAt && session.expiresAt > now && session.idleExpiresAt > now;
}

/** Whether a kept state lets these claims in now, by the checks a read makes. */
function admits(state: PrincipalState, claims: AccessClaims, now: Date): boolean {
  return (claims.cv ?? 0) === state.credentialsVersion && (!claims.sid || sessionRuns(state.session, now));
}
