import { Inject, Injectable } from '@nestjs/common';
import { SSO_SETTINGS, type OidcSettings, type SsoSettings } from '#libs/config';
import { AuditTrail, DomainError, type AuditActor } from '#libs/core';
import { Database, IdentityRepository, type UserRecord } from '#libs/persistence';
import { IdentityService } from '../identity.service.js';
import { usernameProblem } from '../reserved.js';
import { matchValue, membershipsFromGroups, sameMemberships } from './account-matching.js';
import { SsoRefusal } from './sso-refusal.js';

/** The person the provider vouched for -> an account here (matched, created when allowed, memberships mapped when configured). */
@Injectable()
export class SsoAccounts {
  constructor(
    @Inject(SSO_SETTINGS) private readonly sso: SsoSettings,
    private readonly database: Database,
    private readonly identity: IdentityRepository,
    private readonly users: IdentityService,
    private readonly audit: AuditTrail,
  ) {}

  private get settings(): OidcSettings {
    return this.sso.oidc!;
  }

  /** The account to open a session for; SsoRefusal otherwise (the caller audits it). */
  async resolve(claims: Record<string, unknown>): Promise<UserRecord> {
    const value = matchValue(claims, this.settings);
    let user = await this.find(value);
    if (!user) {
      if (!this.settings.createUsers) {
        throw new SsoRefusal('unknown_user', `No account here matches ${this.settings.matchClaim} "${value}", and accounts are not created on first sign-in (OIDC_CREATE_USERS)`, {
          claim: this.settings.matchClaim,
          value,
        });
      }
      user = await this.create(claims, value);
    }
    if (!user.active) throw new SsoRefusal('disabled', `The account "${user.username}" is disabled`, { username: user.username });
    return this.mapGroups(user, claims);
  }

  /** Audits a refused sign-in (who the provider said, why), as a failed password sign-in is. */
  async recordRefusal(refusal: SsoRefusal, meta: { ip: string | null; userAgent: string | null }): Promise<void> {
    const subject = typeof refusal.details.value === 'string' ? refusal.details.value : typeof refusal.details.username === 'string' ? refusal.details.username : 'unknown';
    await this.audit.record({
      actor: { id: `oidc:${subject}` },
      action: 'auth.sso_refused',
      subjectType: 'user',
      subjectId: subject,
      data: { reason: refusal.code, message: refusal.message, ...refusal.details, issuer: this.sso.oidc?.issuer ?? null, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null },
    });
  }

  private async find(value: string): Promise<UserRecord | undefined> {
    const manager = this.database.manager;
    if (this.settings.matchClaim === 'preferred_username') return this.identity.findUserByUsername(manager, value);
    const found = await this.identity.findUsersByEmail(manager, value);
    if (found.length > 1) throw new SsoRefusal('ambiguous', `Several accounts here have the e-mail ${value}: an admin must give it to one only`, { claim: 'email', value });
    return found[0];
  }

  /** A first sign-in with creation on: the username is the provider's, and must be one this app accepts. */
  private async create(claims: Record<string, unknown>, value: string): Promise<UserRecord> {
    const username = typeof claims.preferred_username === 'string' ? claims.preferred_username.trim().toLowerCase() : '';
    const problem = usernameProblem(username);
    if (problem) {
      throw new SsoRefusal('unknown_user', `No account matches "${value}", and the provider's username "${username}" cannot be one here: it ${problem}`, {
        claim: this.settings.matchClaim,
        value,
      });
    }
    const email = typeof claims.email === 'string' && claims.email_verified === true ? claims.email : null;
    const displayName = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : username;
    const memberships = this.settings.groupsClaim && this.settings.groupMap ? (membershipsFromGroups(claims, this.settings.groupsClaim, this.settings.groupMap) ?? []) : [];
    const view = await this.users.createUser({ username, displayName, email, memberships }, this.actor()).catch((error: unknown) => {
      throw asMappingRefusal(error, username);
    });
    return (await this.identity.findUserById(this.database.manager, view.id))!;
  }

  /** With a group map, the claim's groups are the person's memberships; without one, roles stay managed here. */
  private async mapGroups(user: UserRecord, claims: Record<string, unknown>): Promise<UserRecord> {
    const { groupsClaim, groupMap } = this.settings;
    if (!groupsClaim || !groupMap) return user;
    const memberships = membershipsFromGroups(claims, groupsClaim, groupMap);
    if (!memberships || sameMemberships(memberships, user.memberships)) return user;
    await this.users.updateUser(user.id, { memberships }, this.actor()).catch((error: unknown) => {
      throw asMappingRefusal(error, user.username);
    });
    return (await this.identity.findUserById(this.database.manager, user.id))!;
  }

  private actor(): AuditActor {
    return { id: `oidc:${this.settings.issuer}` };
  }
}

/** A unit the group map names that does not exist (or a username taken meanwhile) is the configuration's fault, not the person's: refused, not a 500. */
function asMappingRefusal(error: unknown, username: string): unknown {
  if (!(error instanceof DomainError)) return error;
  return new SsoRefusal('mapping', `The account "${username}" could not be created or given its groups' memberships: ${error.message}`, { username });
}
