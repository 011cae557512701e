import { Inject, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { DomainError, ErrorCode } from '#libs/core';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const WINDOW_MS = 60_000;
const SIGN_IN_LIMIT = 'phoihop:sign-in-limit';

/**
 * Counts a route's requests under the strict sign-in limit: routes that check a password. Marked on
 * the handler, because the router matches paths case-insensitively and with an optional trailing
 * slash (`/api/v1/Auth/Login/` signs in too), which no test of the raw path keeps up with.
 */
export const SignInLimit = () => SetMetadata(SIGN_IN_LIMIT, true);

export interface RateLimits {
  /** Sign-in attempts per client address and minute (0: none). */
  loginPerMinute: number;
  /** Other writes per client address and minute (0: none). */
  writesPerMinute: number;
}
export const RATE_LIMITS = Symbol('RATE_LIMITS');

/**
 * Per-address limits, in a fixed one-minute window kept in this process's memory: sign-in attempts
 * (handlers marked @SignInLimit()) under a strict limit, every other write (POST, PUT, PATCH,
 * DELETE) under a generous one, reads not at all (they are cheap and paged). The per-username lockout of sign-ins applies on top.
 * (@nestjs/throttler is CommonJS and cannot load NestJS 12, which ships as ES modules only.)
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private sweptAt = Date.now();

  constructor(
    @Inject(RATE_LIMITS) private readonly limits: RateLimits,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    if (READS.has(req.method)) return true;
    // The handler the router chose for this request, whatever the path looked like.
    const login = this.reflector.getAllAndOverride<boolean>(SIGN_IN_LIMIT, [context.getHandler(), context.getClass()]) === true;
    const limit = login ? this.limits.loginPerMinute : this.limits.writesPerMinute;
    if (!limit) return true;
    const now = Date.now();
    this.sweep(now);
    const key = `${login ? 'login' : 'writes'}:${req.ip ?? 'unknown'}`;
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + WINDOW_MS };
      this.windows.set(key, w);
    }
    w.count++;
    const res = http.getResponse<Response>();
    res.setHeader('RateLimit-Limit', String(limit));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, limit - w.count)));
    if (w.count <= limit) return true;
    const retryAfter = Math.ceil((w.resetAt - now) / 1000);
    res.setHeader('Retry-After', String(retryAfter));
    throw new DomainError(ErrorCode.TooManyAttempts, `Too many ${login ? 'sign-in attempts' : 'changes'} from this address; retry in ${retryAfter} s`, { retryAfterSeconds: retryAfter });
  }

  /** Drops finished windows now and then, so that memory follows the active addresses only. */
  private sweep(now: number): void {
    if (now - this.sweptAt < WINDOW_MS) return;
    this.sweptAt = now;
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
  }
}
