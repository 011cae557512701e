import type { SessionSettings } from './sessions.service.js';

export interface AuthOptions {
  jwtSecret: string;
  /** Lifetime of an access token, in seconds (short: a refresh token renews it, docs/security.md). */
  accessTtlSeconds: number;
  /** Failed sign-ins for one username within `lockoutWindowMs` before it is refused for that long. */
  maxFailures: number;
  lockoutWindowMs: number;
  /**
   * Seconds an api process keeps a caller's user, memberships and session between requests
   * (PRINCIPAL_CACHE_SECONDS; 0: read on every request). Changes reach every process at once
   * (principal-cache.ts); this only bounds what a silently dead LISTEN connection could leave.
   */
  principalCacheSeconds?: number;
  /** Session lifetimes and cookie; DEFAULT_SESSION_SETTINGS for what is left out. */
  sessions?: Partial<SessionSettings>;
}
export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
