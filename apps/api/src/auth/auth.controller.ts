import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthService, IdentityService, SessionsService, type OpenedSession } from '#libs/identity';
import { actorOf, type Principal } from '#libs/core';
import { SignInLimit } from '../common/rate-limit.guard.js';
import { CurrentPrincipal } from '../common/request-context.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { AuditorsMay, Public } from './auth.decorators.js';
import { CurrentSessionId } from './current-session.js';
import { clearRefreshCookie, readRefreshCookie, refreshCookieOptions, refuseCrossSite, setRefreshCookie } from './session-cookie.js';
import { ChangePasswordDto, CreateTokenDto, LoginDto } from './dto/auth.dto.js';
import { ApiEmpty, ApiErrors, ApiJson, SignedIn } from '../common/openapi.js';
import { AccessTokenDto, CreatedApiTokenDto, MeDto, SessionListDto } from './dto/auth-responses.dto.js';
import { ApiTokenListDto } from '../users/dto/user-responses.dto.js';
import { LocalPasswordsGuard } from '../sso/local-passwords.guard.js';

const REFRESH_COOKIE_HEADER = {
  'Set-Cookie': {
    description:
      'phoihop_refresh=<refresh token>; HttpOnly; SameSite=Strict; Path=/api/v1/auth; Max-Age=<session lifetime> (Secure over HTTPS): send it back to POST /auth/refresh',
    schema: { type: 'string' as const },
  },
};

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly identity: IdentityService,
    private readonly sessions: SessionsService,
  ) {}

  /** The refresh token goes to the cookie; the body is the access token only. */
  private answer(req: FastifyRequest, res: FastifyReply, opened: OpenedSession) {
    setRefreshCookie(res, opened.refreshToken, refreshCookieOptions(req, this.sessions));
    return { accessToken: opened.accessToken, tokenType: opened.tokenType, expiresIn: opened.expiresIn };
  }

  @ApiJson(AccessTokenDto, { description: 'Signed in', headers: REFRESH_COOKIE_HEADER })
  @ApiErrors(400, 401, 403, 413, 429, 503)
  @Public()
  @SignInLimit()
  @UseGuards(LocalPasswordsGuard)
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Username and password -> a short-lived bearer token (JWT), and a session: its refresh token in an HttpOnly cookie (phoihop_refresh, Path=/api/v1/auth)',
    security: [],
  })
  async login(@Body() dto: LoginDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    return this.answer(req, res, await this.auth.login(dto.username, dto.password, { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null }));
  }

  @ApiJson(AccessTokenDto, { description: 'A new access token; the cookie holds a new refresh token (the old one is spent)', headers: REFRESH_COOKIE_HEADER })
  @ApiErrors(401, 403, 429, 503)
  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The session cookie -> a new access token. The refresh token rotates on every use; one used twice ends its session. 401 when the session ended, expired, or the user was disabled or changed password; 403 from another site (Origin)',
    security: [],
  })
  async refresh(@Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    refuseCrossSite(req, this.sessions.settings.trustedOrigins);
    try {
      return this.answer(req, res, await this.sessions.refresh(readRefreshCookie(req), { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null }));
    } catch (error) {
      clearRefreshCookie(res);
      throw error;
    }
  }

  @ApiEmpty('Signed out (also when there was no session)')
  @ApiErrors(403, 429)
  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out: ends the session of the cookie and clears the cookie; 403 from another site (Origin)',
    security: [],
  })
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    refuseCrossSite(req, this.sessions.settings.trustedOrigins);
    // The cookie only: a bearer token names a session too, but ending the caller's session is for
    // DELETE /me/sessions/:id, where it is asked for by name.
    await this.sessions.logout(readRefreshCookie(req));
    clearRefreshCookie(res);
  }

  @SignedIn()
  @ApiJson(MeDto, { description: 'The user, their memberships and units' })
  @Get('me')
  @ApiOperation({ summary: 'The signed-in user, with roles per unit' })
  async me(@CurrentPrincipal() p: Principal) {
    const user = await this.identity.getUser(p.userId);
    const units = await this.identity.listUnits();
    return { ...user, units: units.filter((u) => user.memberships.some((m) => m.unit === u.key)) };
  }

  @SignedIn()
  @ApiJson(AccessTokenDto, { description: 'Changed; a new access token (every other session ended)' })
  @ApiErrors(400, 403, 413, 429)
  @Post('me/password')
  @SignInLimit()
  @HttpCode(200)
  @ApiOperation({ summary: 'Change one’s own password (the current one is required); ends every other session and API token, answers a new access token' })
  changePassword(@CurrentPrincipal() p: Principal, @CurrentSessionId() sessionId: string | null, @Body() dto: ChangePasswordDto, @Req() req: FastifyRequest) {
    return this.auth.changePassword(p, sessionId, dto.currentPassword, dto.newPassword, req.ip ?? null);
  }

  @SignedIn()
  @ApiJson(SessionListDto, { description: 'My running sessions, newest first' })
  @Get('me/sessions')
  @ApiOperation({ summary: 'My running sign-in sessions (where and when; never their tokens); `current` marks this one' })
  async mySessions(@CurrentPrincipal() p: Principal, @CurrentSessionId() sessionId: string | null) {
    return { items: await this.sessions.list(p.userId, sessionId) };
  }

  @SignedIn()
  @ApiEmpty('Ended')
  @ApiErrors(400, 404, 413, 429)
  @AuditorsMay()
  @Delete('me/sessions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'End one of my sessions (a browser left signed in elsewhere): its refresh and access tokens stop at once' })
  async endMySession(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe('id')) id: string) {
    await this.sessions.endOf(p.userId, id, 'ended_by_user', actorOf(p));
  }

  @SignedIn()
  @ApiOperation({ summary: 'My API tokens (never their secrets), revoked ones included' })
  @ApiJson(ApiTokenListDto, { description: 'The tokens' })
  @Get('me/tokens')
  async tokens(@CurrentPrincipal() p: Principal) {
    return { items: await this.identity.listTokens(p.userId) };
  }

  @SignedIn()
  @ApiJson(CreatedApiTokenDto, { status: 201, description: 'The token, with its secret shown this once' })
  @ApiErrors(400, 403, 413, 429)
  @Post('me/tokens')
  @ApiOperation({ summary: 'A new API token for integrations; the secret is shown once' })
  createToken(@CurrentPrincipal() p: Principal, @Body() dto: CreateTokenDto) {
    return this.identity.createToken(p.userId, dto.name, dto.expiresAt ? new Date(dto.expiresAt) : null);
  }

  @SignedIn()
  @ApiOperation({ summary: 'Revoke one of my API tokens' })
  @ApiEmpty('Revoked')
  @ApiErrors(400, 403, 404, 413, 429)
  @Delete('me/tokens/:id')
  @HttpCode(204)
  async revoke(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe('id')) id: string) {
    await this.identity.revokeToken(id, p.userId, actorOf(p));
  }
}
