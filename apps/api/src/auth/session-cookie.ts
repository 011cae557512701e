import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionsService } from '#libs/identity';
import { DomainError, ErrorCode } from '#libs/core';

/** The refresh token's cookie: sent only to the auth routes, never readable by scripts. */
export const REFRESH_COOKIE = 'phoihop_refresh';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';
/**
 * A companion cookie the pages can read, holding nothing but "a session cookie was set": a fresh
 * browser's page then does not ask /auth/refresh for a session it cannot have (a 401 that the
 * browser would log on every first visit). Its absence never ends a session; its presence opens none.
 */
export const SESSION_HINT_COOKIE = 'phoihop_session';

export interface RefreshCookieOptions {
  secure: boolean;
  /** Seconds the browser keeps it: the session's absolute lifetime. */
  maxAgeSeconds: number;
}

/** The cookie options for this request: `Secure` as the setting says (`auto`: when the request came over HTTPS). */
export function refreshCookieOptions(req: FastifyRequest, sessions: SessionsService): RefreshCookieOptions {
  const setting = sessions.settings.cookieSecure;
  return { secure: setting === 'auto' ? req.protocol === 'https' : setting, maxAgeSeconds: sessions.maxAgeSeconds };
}

/** A cookie's expiry, as Max-Age and as Expires (for clients that know only the older attribute). */
export const cookieLifetime = (seconds: number) => ({ maxAge: seconds, expires: new Date(Date.now() + seconds * 1000) });

export function setRefreshCookie(res: FastifyReply, refreshToken: string, options: RefreshCookieOptions): void {
  res.setCookie(REFRESH_COOKIE, refreshToken, { httpOnly: true, sameSite: 'strict', secure: options.secure, path: REFRESH_COOKIE_PATH, ...cookieLifetime(options.maxAgeSeconds) });
  res.setCookie(SESSION_HINT_COOKIE, '1', { sameSite: 'strict', secure: options.secure, path: '/', ...cookieLifetime(options.maxAgeSeconds) });
}

export function clearRefreshCookie(res: FastifyReply): void {
  res.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', path: REFRESH_COOKIE_PATH });
  res.clearCookie(SESSION_HINT_COOKIE, { sameSite: 'strict', path: '/' });
}

/** A cookie of the request, from the Cookie header (`name=value; …`; the API's cookies are base64url or plain: no decoding). */
export function readCookie(req: FastifyRequest, name: string): string | undefined {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

export const readRefreshCookie = (req: FastifyRequest): string | undefined => readCookie(req, REFRESH_COOKIE);

/**
 * A route that acts on the cookie answers only the app's own pages (and CORS_ORIGINS): SameSite
 * keeps the cookie off cross-site requests in today's browsers, this refuses the rest — a request
 * whose `Origin` is another site's, or that the browser marks `Sec-Fetch-Site: cross-site`.
 * Callers without those headers (curl, integrations) are no cross-site threat and pass.
 */
export function refuseCrossSite(req: FastifyRequest, trustedOrigins: string[]): void {
  const origin = req.headers.origin;
  const host = req.headers.host ?? '';
  // The host, not the scheme: behind a TLS proxy without `trust proxy` the server sees http.
  if (origin !== undefined && hostOf(origin) !== host && !trustedOrigins.includes(origin)) {
    throw new DomainError(ErrorCode.Forbidden, `Cross-site request refused: Origin ${origin} is not this application's (${host})`, {
      reason: 'cross-site',
      origin,
    });
  }
  if (origin === undefined && req.headers['sec-fetch-site'] === 'cross-site') {
    throw new DomainError(ErrorCode.Forbidden, 'Cross-site request refused (Sec-Fetch-Site: cross-site)', { reason: 'cross-site' });
  }
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null; // `null` (a sandboxed frame, a file) or garbage
  }
}
