import { Inject, Injectable } from '@nestjs/common';
import * as client from 'openid-client';
import { SSO_SETTINGS, type OidcSettings, type SsoSettings } from '#libs/config';
import { DomainError, ErrorCode } from '#libs/core';
import { PENDING_TTL_MS, type PendingSignIn } from './pending-sign-in.js';
import { SsoRefusal } from './sso-refusal.js';

/** The verified ID token's claims: who the provider says the person is. */
export type IdClaims = client.IDToken;

/** Plain http is a mistake against a real provider; a provider on the machine itself (tests, a local Keycloak) is no risk. */
const isLoopback = (url: URL) => url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/** The authorization code flow with PKCE (S256), state and nonce, through openid-client. */
@Injectable()
export class OidcClient {
  private discovered?: { issuer: string; configuration: Promise<client.Configuration> };

  constructor(@Inject(SSO_SETTINGS) private readonly sso: SsoSettings) {}

  get settings(): OidcSettings {
    if (!this.sso.oidc) throw new DomainError(ErrorCode.Forbidden, 'Single sign-on is not configured here (set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET)', { reason: 'sso_off' });
    return this.sso.oidc;
  }

  /** Where to send the browser, and what its return must match. */
  async begin(returnTo: string, now = Date.now()): Promise<{ url: URL; pending: PendingSignIn }> {
    const config = await this.configuration();
    const pending: PendingSignIn = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      returnTo,
      expiresAt: now + PENDING_TTL_MS,
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
    });
    return { url, pending };
  }

  /**
   * The provider's answer (the callback's query) -> the verified ID token's claims. Refusals are
   * SsoRefusal with a code the sign-in page explains; nothing here trusts the query before checking it.
   */
  async complete(query: string, pending: PendingSignIn): Promise<IdClaims> {
    const config = await this.configuration();
    // The configured redirect URI, not the Host header: the token request must name exactly what was registered.
    const current = new URL(this.settings.redirectUri);
    current.search = query;
    let tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;
    try {
      tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw refusalOf(error);
    }
    const claims = tokens.claims();
    if (!claims) throw new SsoRefusal('token', 'The provider sent no ID token');
    return claims;
  }

  /** Discovery once per process (and issuer); a failure is not cached, so the next sign-in tries again. */
  private configuration(): Promise<client.Configuration> {
    const settings = this.settings;
    if (this.discovered?.issuer !== settings.issuer) {
      const issuer = new URL(settings.issuer);
      const configuration = client
        .discovery(issuer, settings.clientId, settings.clientSecret, undefined, { execute: isLoopback(issuer) ? [client.allowInsecureRequests] : [], timeout: 10 })
        .catch((error: unknown) => {
          this.discovered = undefined;
          throw new SsoRefusal('unavailable', `The identity provider ${settings.issuer} could not be reached: ${(error as Error).message}`);
        });
      this.discovered = { issuer: settings.issuer, configuration };
    }
    return this.discovered.configuration;
  }
}

/** What went wrong in the code exchange, as a refusal code. */
function refusalOf(error: unknown): SsoRefusal {
  // openid-client wraps oauth4webapi's precise reason ("unexpected \"state\" …") as the cause of a general one.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
  const message = error instanceof Error ? (cause ? `${error.message}: ${cause}` : error.message) : String(error);
  if (error instanceof client.AuthorizationResponseError) return new SsoRefusal('denied', `The provider refused the sign-in: ${error.error}`, { error: error.error, description: error.error_description });
  if (error instanceof client.ResponseBodyError) {
    return new SsoRefusal(error.error === 'invalid_grant' ? 'code' : 'token', `The provider refused the code: ${error.error}`, { error: error.error, description: error.error_description });
  }
  if (/"state"/.test(message)) return new SsoRefusal('state', `The answer does not belong to this browser's sign-in: ${message}`);
  if (error instanceof TypeError && /fetch/i.test(message)) return new SsoRefusal('unavailable', `The identity provider could not be reached: ${message}`);
  return new SsoRefusal('token', `The ID token was refused: ${message}`, { code: (error as { code?: string }).code });
}
