import type { GroupGrant, OidcSettings } from '#libs/config';
import type { Membership } from '#libs/persistence';
import { SsoRefusal } from './sso-refusal.js';

/** What accounts are matched on, read from the ID token's claims (pure). */
export function matchValue(claims: Record<string, unknown>, settings: Pick<OidcSettings, 'matchClaim'>): string {
  const value = claims[settings.matchClaim];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new SsoRefusal('claim_missing', `The ID token has no "${settings.matchClaim}" claim to match an account with`, { claim: settings.matchClaim });
  }
  // Anyone may put any address in their profile at many providers: only a verified one names a person.
  if (settings.matchClaim === 'email' && claims.email_verified !== true) {
    throw new SsoRefusal('email_unverified', `The provider has not verified the e-mail ${value}`, { claim: 'email', value });
  }
  return value.trim();
}

/**
 * The memberships a person's groups give (pure): undefined when the claim is absent or not a list of
 * strings, so that a provider that stopped sending groups does not strip everyone's roles.
 */
export function membershipsFromGroups(claims: Record<string, unknown>, claim: string, map: ReadonlyMap<string, GroupGrant[]>): Membership[] | undefined {
  const groups = claims[claim];
  if (!Array.isArray(groups) || !groups.every((g) => typeof g === 'string')) return undefined;
  const seen = new Set<string>();
  const memberships: Membership[] = [];
  for (const group of groups as string[]) {
    for (const grant of map.get(group) ?? []) {
      const key = `${grant.role}@${grant.unit}`;
      if (seen.has(key)) continue;
      seen.add(key);
      memberships.push({ role: grant.role, unit: grant.unit });
    }
  }
  return memberships.sort((a, b) => a.role.localeCompare(b.role) || a.unit.localeCompare(b.unit));
}

export const sameMemberships = (a: Membership[], b: Membership[]) => {
  const key = (ms: Membership[]) => ms.map((m) => `${m.role}@${m.unit}`).sort().join(',');
  return key(a) === key(b);
};
