export { OidcModule } from './oidc.module.js';
export { OidcClient, type IdClaims } from './oidc-client.service.js';
export { SsoAccounts } from './sso-accounts.service.js';
export { SsoRefusal, type SsoRefusalCode } from './sso-refusal.js';
export { type PendingSignIn, PENDING_TTL_MS, pendingKey, sealPending, openPending, safeReturnPath } from './pending-sign-in.js';
export { matchValue, membershipsFromGroups } from './account-matching.js';
