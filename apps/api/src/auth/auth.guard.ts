import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthService } from '#libs/identity';
import { DomainError, ErrorCode, isAdmin, isAuditor, type Principal } from '#libs/core';
import { ADMIN_ONLY, AUDITORS_MAY, IS_PUBLIC } from './auth.decorators.js';
import type { SessionRequest } from './current-session.js';

const READ = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every route needs a signed-in caller unless marked @Public(): a JWT from /auth/login or an API
 * token, as `Authorization: Bearer …`. Auditors read everything and change nothing; @AdminOnly()
 * routes need the admin role. Object-level checks (which instance, which task) are the services'.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<SessionRequest & { principal?: Principal }>();
    const header = req.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new DomainError(ErrorCode.Unauthenticated, 'Sign in first: send Authorization: Bearer <token>', {});
    const { principal, sessionId } = await this.auth.authenticateSession(match[1]);
    req.principal = principal;
    req.sessionId = sessionId;
    if (this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, targets) && !isAdmin(principal) && !(READ.has(req.method) && isAuditor(principal))) {
      throw new DomainError(ErrorCode.Forbidden, 'Only an admin may do this', {});
    }
    // (Sign-in is @Public() and never reaches this point.)
    if (!READ.has(req.method) && isAuditor(principal) && !isAdmin(principal) && !this.reflector.getAllAndOverride<boolean>(AUDITORS_MAY, targets)) {
      throw new DomainError(ErrorCode.Forbidden, 'Auditors read and change nothing', {});
    }
    return true;
  }
}
