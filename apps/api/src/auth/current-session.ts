import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** The request's session (set by the AuthGuard from the access token's `sid`); null for API tokens. */
export type SessionRequest = FastifyRequest & { sessionId?: string | null };

export const CurrentSessionId = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | null => ctx.switchToHttp().getRequest<SessionRequest>().sessionId ?? null,
);
