export { type AuthOptions, AUTH_OPTIONS, principalOf, type Authenticated, AuthService } from './auth.service.js';
export { type SessionSettings, DEFAULT_SESSION_SETTINGS, type SessionMeta, type OpenedSession, type SessionView, SessionsService } from './sessions.service.js';
export { IdentityModule } from './identity.module.js';
export { IDENTITY_CHANNEL, DEFAULT_PRINCIPAL_CACHE_SECONDS, type PrincipalState, PrincipalCache } from './principal-cache.js';
export { type UserView, toUserView, IdentityService, tokenHash } from './identity.service.js';
export { hashPassword, verifyPassword, passwordProblem } from './passwords.js';
export { RESERVED_ROLES, USERNAME, RESERVED_USERNAMES, roleProblem, usernameProblem } from './reserved.js';
export { type WardSeed, type DemoSeedResult, SeedService } from './seed.service.js';
export { OidcModule, OidcClient, type IdClaims, SsoAccounts, SsoRefusal, type SsoRefusalCode, type PendingSignIn, pendingKey, sealPending, openPending, safeReturnPath } from './oidc/index.js';
