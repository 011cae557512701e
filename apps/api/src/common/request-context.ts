import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { type RequestMeta } from '#libs/runtime';
import { actorOf, DomainError, ErrorCode, type Principal } from '#libs/core';

const KEY = /^[\x21-\x7e]{1,200}$/;

type AuthedRequest = FastifyRequest & { principal?: Principal };

/**
 * The caller's identity (from the AuthGuard: never from the request body), request id and
 * Idempotency-Key header, validated: what every history row records.
 */
export const Meta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta & { principal: Principal } => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  // Node joins a repeated header with commas: one string, which the pattern then refuses.
  const key = req.headers['idempotency-key'] as string | undefined;
  if (key !== undefined && !KEY.test(key)) {
    throw new DomainError(ErrorCode.ValidationFailed, 'Idempotency-Key must be 1 to 200 visible ASCII characters', {
      problems: [{ field: 'Idempotency-Key', reason: 'must be 1 to 200 visible ASCII characters' }],
    });
  }
  if (!req.principal) throw new DomainError(ErrorCode.Unauthenticated, 'Sign in first', {});
  return { actor: actorOf(req.principal), principal: req.principal, requestId: req.id, idempotencyKey: key };
});

/** The signed-in caller. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!req.principal) throw new DomainError(ErrorCode.Unauthenticated, 'Sign in first', {});
  return req.principal;
});
