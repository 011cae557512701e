/**
 * Why a sign-in through the provider was refused. The callback redirects to the sign-in page with
 * `?sso_error=<code>`, which the web app words for people; the details go to the audit log only.
 */
export type SsoRefusalCode =
  | 'state' // no pending sign-in in this browser, expired, or the answer belongs to another one
  | 'code' // the provider refused the code: expired, used already, or not ours
  | 'token' // the ID token did not verify (signature, issuer, audience, nonce)
  | 'denied' // the provider answered with an error (the person cancelled, or was refused there)
  | 'unavailable' // the provider could not be reached
  | 'claim_missing' // the ID token lacks the claim accounts are matched on
  | 'email_unverified' // matching by e-mail, and the provider has not verified it
  | 'unknown_user' // no account matches, and accounts are not created on first sign-in
  | 'ambiguous' // several accounts share the e-mail
  | 'disabled' // the account is disabled here
  | 'mapping'; // the account could not be created or given its groups' memberships (OIDC_GROUP_MAP names an unknown unit…)

export class SsoRefusal extends Error {
  constructor(
    readonly code: SsoRefusalCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'SsoRefusal';
  }
}
