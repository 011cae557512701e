import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OidcClient, openPending, safeReturnPath, sealPending, SessionsService, SsoAccounts, SsoRefusal } from '#libs/identity';
import { SSO_SETTINGS, type SsoSettings } from '#libs/config';
import { DomainError, ErrorCode } from '#libs/core';
import { Public } from '../auth/auth.decorators.js';
import { cookieLifetime, readCookie, refreshCookieOptions, setRefreshCookie } from '../auth/session-cookie.js';
import { pathOf } from '../common/request-sanity.js';
import { ApiErrors, ApiJson } from '../common/openapi.js';
import { AuthMethodsDto, OidcStartQueryDto } from './dto/auth-methods.dto.js';
import { SSO_COOKIE_KEY } from './sso-cookie-key.js';

/** The pending sign-in's cookie, sent back only to the callback's folder. */
const PENDING_COOKIE = 'phoihop_oidc';
const PENDING_PATH = '/api/v1/auth/oidc';
const START_URL = '/api/v1/auth/oidc/start';
const REDIRECT = { description: 'To the provider (start), or back to the web app (callback; `/?sso_error=<code>` when refused)', headers: { Location: { schema: { type: 'string' } } } };

@ApiTags('auth')
@Controller()
export class SsoController {
  constructor(
    @Inject(SSO_SETTINGS) private readonly sso: SsoSettings,
    @Inject(SSO_COOKIE_KEY) private readonly cookieKey: Buffer,
    private readonly client: OidcClient,
    private readonly accounts: SsoAccounts,
    private readonly sessions: SessionsService,
  ) {}

  @Public()
  @Get('auth/methods')
  @ApiJson(AuthMethodsDto, { description: 'What the sign-in page offers' })
  @ApiErrors(400)
  @ApiOperation({ summary: 'How one may sign in here: password, single sign-on through the city’s provider, or both', security: [] })
  methods(): AuthMethodsDto {
    const oidc = this.sso.oidc;
    return { password: this.sso.localPasswords, sso: oidc ? { displayName: oidc.displayName, startUrl: START_URL } : null };
  }

  @Public()
  @Get('auth/oidc/start')
  @ApiResponse({ status: 302, ...REDIRECT })
  @ApiErrors(400, 403)
  @ApiOperation({
    summary: 'Sign in through the city’s OpenID Connect provider: redirects there with state, nonce and PKCE (S256), kept in an encrypted HttpOnly cookie for 10 minutes. 403 when single sign-on is not configured',
    security: [],
  })
  async start(@Query() query: OidcStartQueryDto, @Req() req: FastifyRequest, @Res() res: FastifyReply): Promise<void> {
    const returnTo = query.returnTo === undefined ? '/' : safeReturnPath(query.returnTo);
    if (returnTo === undefined) {
      throw new DomainError(ErrorCode.ValidationFailed, 'returnTo must be a path of this site, starting with a single /', { problems: [{ field: 'returnTo', reason: 'must be a path of this site, starting with a single /' }] });
    }
    const settings = this.client.settings;
    try {
      const { url, pending } = await this.client.begin(returnTo);
      res.setCookie(PENDING_COOKIE, sealPending(pending, this.cookieKey), {
        httpOnly: true,
        // Lax, not Strict: the provider's redirect back is a cross-site top-level GET, which must carry it.
        sameSite: 'lax',
        secure: settings.redirectUri.startsWith('https:'),
        path: PENDING_PATH,
        ...cookieLifetime(Math.floor((pending.expiresAt - Date.now()) / 1000)),
      });
      await res.redirect(url.href, 302);
    } catch (error) {
      await this.refuse(error, req, res);
    }
  }

  @Public()
  @Get('auth/oidc/callback')
  @ApiResponse({ status: 302, ...REDIRECT })
  @ApiErrors(400, 403)
  @ApiOperation({
    summary: 'The provider’s answer: checks state, redeems the code with the PKCE verifier, verifies the ID token and its nonce, matches the account and opens a session (refresh cookie), then redirects to the web app. 403 when single sign-on is not configured',
    security: [],
  })
  async callback(@Req() req: FastifyRequest, @Res() res: FastifyReply): Promise<void> {
    const settings = this.client.settings; // 403 before anything when single sign-on is off
    // Spent whatever happens: one answer per pending sign-in.
    res.clearCookie(PENDING_COOKIE, { httpOnly: true, sameSite: 'lax', secure: settings.redirectUri.startsWith('https:'), path: PENDING_PATH });
    const meta = { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null };
    try {
      const pending = openPending(readCookie(req, PENDING_COOKIE), this.cookieKey);
      if (!pending) throw new SsoRefusal('state', 'No sign-in was started in this browser in the last 10 minutes (cookie missing, altered or expired)');
      const query = req.url.slice(pathOf(req.url).length);
      const claims = await this.client.complete(query, pending);
      const user = await this.accounts.resolve(claims);
      const opened = await this.sessions.open(user, { ...meta, method: 'oidc' });
      setRefreshCookie(res, opened.refreshToken, refreshCookieOptions(req, this.sessions));
      await res.redirect(pending.returnTo, 302);
    } catch (error) {
      await this.refuse(error, req, res);
    }
  }

  /** A refusal goes back to the sign-in page, which words it; anything else is a real error. */
  private async refuse(error: unknown, req: FastifyRequest, res: FastifyReply): Promise<void> {
    if (!(error instanceof SsoRefusal)) throw error;
    await this.accounts.recordRefusal(error, { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null });
    await res.redirect(`/?sso_error=${error.code}`, 302);
  }
}
