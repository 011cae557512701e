import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '#libs/engine';
import { DomainError, ErrorCode, type RequestMeta } from '#libs/runtime';

/**
 * Until sign-in exists every request acts as `anonymous` with no roles. The actor is always derived
 * here, on the server, never read from the request body.
 */
export const ANONYMOUS: Actor = { id: 'anonymous', roles: [], units: [] };

const KEY = /^[\x21-\x7e]{1,200}$/;

/** The actor, request id and Idempotency-Key header of this request, validated. */
export const Meta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta => {
  const req = ctx.switchToHttp().getRequest<Request & { id?: string; actor?: Actor }>();
  const key = req.header('idempotency-key');
  if (key !== undefined && !KEY.test(key)) {
    throw new DomainError(ErrorCode.ValidationFailed, 'Idempotency-Key must be 1 to 200 visible ASCII characters', {
      problems: [{ field: 'Idempotency-Key', reason: 'must be 1 to 200 visible ASCII characters' }],
    });
  }
  return { actor: req.actor ?? ANONYMOUS, requestId: req.id, idempotencyKey: key };
});
