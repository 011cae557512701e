import { EnvironmentError, type Environment } from './env.js';

/** One membership a provider's group gives: a role in a unit. */
export interface GroupGrant {
  role: string;
  unit: string;
}

/** The OpenID Connect client, as configured (docs/security.md, "Single sign-on"). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scopes: string;
  matchClaim: 'preferred_username' | 'email';
  createUsers: boolean;
  /** With `groupMap`, the claim whose groups replace a person's memberships at each sign-in. */
  groupsClaim: string | null;
  groupMap: ReadonlyMap<string, GroupGrant[]> | null;
  displayName: string | null;
}

/** How people sign in: with a password, through the provider, or both. */
export interface SsoSettings {
  oidc: OidcSettings | null;
  localPasswords: boolean;
}

export const SSO_SETTINGS = Symbol('SSO_SETTINGS');

export const NO_SSO: SsoSettings = { oidc: null, localPasswords: true };

/** `group=role@unit,group=role@unit`: a group may appear several times, each adding a membership. */
export function parseGroupMap(text: string): Map<string, GroupGrant[]> {
  const map = new Map<string, GroupGrant[]>();
  for (const entry of text.split(',')) {
    const eq = entry.lastIndexOf('=');
    const at = entry.lastIndexOf('@');
    if (eq <= 0 || at < eq + 2 || at === entry.length - 1) throw new EnvironmentError([`OIDC_GROUP_MAP entry "${entry}" must be group=role@unit`]);
    const group = entry.slice(0, eq).trim();
    map.set(group, [...(map.get(group) ?? []), { role: entry.slice(eq + 1, at).trim(), unit: entry.slice(at + 1).trim() }]);
  }
  return map;
}

/** The sign-in settings of the api, from its validated environment; refuses a combination that locks everyone out. */
export function ssoSettings(env: Environment): SsoSettings {
  const localPasswords = env.LOCAL_PASSWORDS !== 'off';
  if (!env.OIDC_ISSUER) {
    if (!localPasswords) throw new EnvironmentError(['LOCAL_PASSWORDS=off needs OIDC_ISSUER (and its client): nobody could sign in']);
    return NO_SSO;
  }
  if (env.OIDC_GROUP_MAP && !env.OIDC_GROUPS_CLAIM) throw new EnvironmentError(['OIDC_GROUP_MAP needs OIDC_GROUPS_CLAIM, the claim that lists the groups']);
  return {
    localPasswords,
    oidc: {
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID!,
      clientSecret: env.OIDC_CLIENT_SECRET!,
      redirectUri: env.OIDC_REDIRECT_URI ?? `${env.PUBLIC_URL.replace(/\/+$/, '')}/api/v1/auth/oidc/callback`,
      scopes: env.OIDC_SCOPES,
      matchClaim: env.OIDC_MATCH_CLAIM,
      createUsers: env.OIDC_CREATE_USERS,
      groupsClaim: env.OIDC_GROUP_MAP ? (env.OIDC_GROUPS_CLAIM ?? null) : null,
      groupMap: env.OIDC_GROUP_MAP ? parseGroupMap(env.OIDC_GROUP_MAP) : null,
      displayName: env.OIDC_DISPLAY_NAME ?? null,
    },
  };
}
