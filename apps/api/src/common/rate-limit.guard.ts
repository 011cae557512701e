import { Inject, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '#libs/core';
import { RateCounter } from './rate-counter.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
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
 * Per-address limits in one-minute windows, counted for the whole deployment (RateCounter):
 * sign-in attempts (handlers marked @SignInLimit()) under a strict limit, counted exactly; every
 * other write (POST, PUT, PATCH, DELETE) under a generous one, counted in memory and shared once a
 * second; reads not at all (they are cheap and paged). The per-username lockout of sign-ins applies
 * on top. (@nestjs/throttler is CommonJS and cannot load NestJS 12, which ships as ES modules only.)
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    @Inject(RATE_LIMITS) private readonly limits: RateLimits,
    private readonly reflector: Reflector,
    private readonly counter: RateCounter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    if (READS.has(req.method)) return true;
    // The handler the router chose for this request, whatever the path looked like.
    const login = this.reflector.getAllAndOverride<boolean>(SIGN_IN_LIMIT, [context.getHandler(), context.getClass()]) === true;
    const limit = login ? this.limits.loginPerMinute : this.limits.writesPerMinute;
    if (!limit) return true;
    const key = `${login ? 'login' : 'writes'}:${req.ip ?? 'unknown'}`;
    const { count, resetInMs } = login ? await this.counter.exact(key) : this.counter.soon(key);
    const res = http.getResponse<FastifyReply>();
    res.header('RateLimit-Limit', String(limit));
    res.header('RateLimit-Remaining', String(Math.max(0, limit - count)));
    if (count <= limit) return true;
    const retryAfter = Math.max(1, Math.ceil(resetInMs / 1000));
    res.header('Retry-After', String(retryAfter));
    throw new DomainError(ErrorCode.TooManyAttempts, `Too many ${login ? 'sign-in attempts' : 'changes'} from this address; retry in ${retryAfter} s`, {
      retryAfterSeconds: retryAfter,
    });
  }
}
