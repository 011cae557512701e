import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { IdentityRepository, SessionsRepository, type Membership, type OrgUnitRecord, type UserRecord, Database } from '#libs/persistence';
import { AuditTrail, DomainError, ErrorCode, type AuditActor } from '#libs/core';
import { hashPassword, passwordProblem } from './passwords.js';
import { roleProblem, usernameProblem } from './reserved.js';
import { PrincipalCache } from './principal-cache.js';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  active: boolean;
  memberships: Membership[];
  createdAt: string;
}

export const toUserView = (u: UserRecord): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  email: u.email,
  active: u.active,
  memberships: u.memberships,
  createdAt: u.createdAt.toISOString(),
});

const invalid = (field: string, reason: string) => new DomainError(ErrorCode.ValidationFailed, `${field} ${reason}`, { problems: [{ field, reason }] });

/** Users, org units, role memberships and API tokens. */
@Injectable()
export class IdentityService {
  constructor(
    private readonly dataSource: Database,
    private readonly identity: IdentityRepository,
    private readonly audit: AuditTrail,
    private readonly sessions: SessionsRepository,
    private readonly principals: PrincipalCache,
  ) {}

  private static readonly SYSTEM: AuditActor = { id: 'system', roles: ['system'] };

  async createUser(input: { username: string; displayName: string; email?: string | null; password?: string; memberships: Membership[] }, by = IdentityService.SYSTEM): Promise<UserView> {
    const badName = usernameProblem(input.username);
    if (badName) throw invalid('username', badName);
    if (input.password !== undefined) {
      const problem = passwordProblem(input.password, input.username);
      if (problem) throw invalid('password', problem);
    }
    await this.checkUnits(input.memberships);
    return this.dataSource.transaction(async (m) => {
      if (await this.identity.findUserByUsername(m, input.username)) {
        throw new DomainError(ErrorCode.Duplicate, `A user named "${input.username}" already exists`, { field: 'username' });
      }
      const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
      const user = toUserView(await this.identity.insertUser(m, { ...input, email: input.email?.trim() ?? null, passwordHash }));
      await this.audit.record({ actor: by, action: 'user.created', subjectType: 'user', subjectId: user.username, data: { memberships: user.memberships } }, m);
      return user;
    });
  }

  /**
   * A new password is held to the policy of a new user (its username included). A new password or
   * a deactivation revokes the user's API tokens and ends their sessions (the credentials version
   * moves on), so that neither outlives a reset nor comes back when the user is enabled again.
   */
  async updateUser(id: string, change: { displayName?: string; email?: string | null; password?: string; active?: boolean; memberships?: Membership[] }, by = IdentityService.SYSTEM): Promise<UserView> {
    if (change.memberships) await this.checkUnits(change.memberships);
    const updated = await this.dataSource.transaction(async (m) => {
      const user = await this.identity.findUserById(m, id);
      if (!user) throw new DomainError(ErrorCode.UserNotFound, `No user has the id ${id}`, { id });
      if (change.password !== undefined) {
        const problem = passwordProblem(change.password, user.username);
        if (problem) throw invalid('password', problem);
      }
      await this.identity.updateUser(m, id, {
        displayName: change.displayName,
        email: change.email === undefined ? undefined : change.email === null ? null : change.email.trim(),
        active: change.active,
        passwordHash: change.password === undefined ? undefined : await hashPassword(change.password),
      });
      if (change.memberships) await this.identity.setMemberships(m, id, change.memberships);
      const revokedTokens = change.password !== undefined || (change.active === false && user.active) ? await this.identity.revokeUserTokens(m, id) : [];
      // The refresh would refuse them anyway (credentials version); ended here, they leave the lists at once.
      const endedSessions =
        change.active === false || change.password !== undefined
          ? await this.sessions.endAllOf(m, id, change.active === false ? 'disabled' : 'password_changed', new Date())
          : [];
      const after = toUserView((await this.identity.findUserById(m, id))!);
      const changed = {
        ...change,
        ...(change.password === undefined ? {} : { password: '(changed)' }),
        ...(revokedTokens.length ? { revokedTokens } : {}),
        ...(endedSessions.length ? { endedSessions } : {}),
      };
      await this.audit.record({ actor: by, action: 'user.updated', subjectType: 'user', subjectId: after.username, data: changed }, m);
      return after;
    });
    // Every process hears of it (the triggers' notification); this one at once, before it answers.
    this.principals.forget(id);
    return updated;
  }

  /**
   * A user's own new password, given their current one: a wrong current password counts as a
   * failed sign-in (the caller checks the lockout first). Ends their other sessions and API tokens.
   */
  async changeOwnPassword(userId: string, next: string, by: AuditActor): Promise<UserRecord> {
    const changed = await this.dataSource.transaction(async (m) => {
      const user = await this.identity.findUserById(m, userId);
      if (!user) throw new DomainError(ErrorCode.UserNotFound, `No user has the id ${userId}`, { id: userId });
      const problem = passwordProblem(next, user.username);
      if (problem) throw invalid('newPassword', problem);
      await this.identity.updateUser(m, userId, { passwordHash: await hashPassword(next) });
      const revokedTokens = await this.identity.revokeUserTokens(m, userId);
      await this.audit.record({ actor: by, action: 'user.password_changed', subjectType: 'user', subjectId: user.username, data: revokedTokens.length ? { revokedTokens } : null }, m);
      return (await this.identity.findUserById(m, userId))!;
    });
    this.principals.forget(userId);
    return changed;
  }

  async listUsers(): Promise<UserView[]> {
    return (await this.identity.listUsers(this.dataSource.manager)).map(toUserView);
  }

  async getUser(id: string): Promise<UserView> {
    const user = await this.identity.findUserById(this.dataSource.manager, id);
    if (!user) throw new DomainError(ErrorCode.UserNotFound, `No user has the id ${id}`, { id });
    return toUserView(user);
  }

  findByUsername(username: string) {
    return this.identity.findUserByUsername(this.dataSource.manager, username);
  }

  countUsers() {
    return this.identity.countUsers(this.dataSource.manager);
  }

  listUnits(): Promise<OrgUnitRecord[]> {
    return this.identity.listUnits(this.dataSource.manager);
  }

  async upsertUnit(unit: OrgUnitRecord, by?: AuditActor): Promise<OrgUnitRecord> {
    if (unit.parentKey) {
      const units = await this.listUnits();
      if (!units.some((u) => u.key === unit.parentKey)) throw invalid('parentKey', `names no unit ("${unit.parentKey}")`);
    }
    await this.identity.upsertUnit(this.dataSource.manager, unit);
    if (by) await this.audit.record({ actor: by, action: 'unit.upserted', subjectType: 'unit', subjectId: unit.key, data: unit });
    return unit;
  }

  /** A new API token for a user. The secret is shown once; only its SHA-256 is stored. */
  async createToken(userId: string, name: string, expiresAt: Date | null, now = new Date()) {
    // A token born expired is a mistake (a wrong year, a local date read as UTC), not a wish.
    if (expiresAt && expiresAt.getTime() <= now.getTime()) throw invalid('expiresAt', 'must be in the future');
    const secret = `php_${randomBytes(24).toString('base64url')}`;
    const row = await this.identity.insertToken(this.dataSource.manager, { userId, name, tokenHash: tokenHash(secret), expiresAt });
    await this.audit.record({ actor: { id: userId }, action: 'token.created', subjectType: 'token', subjectId: row.id, data: { name, expiresAt } });
    return { id: row.id, name, token: secret, createdAt: row.createdAt.toISOString(), expiresAt: expiresAt?.toISOString() ?? null };
  }

  listTokens(userId: string) {
    return this.identity.listTokens(this.dataSource.manager, userId);
  }

  /** Another user's tokens (for an admin): 404 when the user does not exist. */
  async listTokensOf(userId: string) {
    await this.getUser(userId);
    return this.listTokens(userId);
  }

  /** Revokes a token of `userId` (a user revoking their own, or an admin anyone's), recording who did it. */
  async revokeToken(id: string, userId: string, by: AuditActor): Promise<void> {
    const user = await this.getUser(userId);
    if (!(await this.identity.revokeToken(this.dataSource.manager, id, userId))) {
      throw new DomainError(ErrorCode.TokenNotFound, `No active token has the id ${id}`, { id });
    }
    await this.audit.record({ actor: by, action: 'token.revoked', subjectType: 'token', subjectId: id, data: { user: user.username } });
  }

  private async checkUnits(memberships: Membership[]): Promise<void> {
    const units = new Set((await this.listUnits()).map((u) => u.key));
    memberships.forEach((m, i) => {
      if (!units.has(m.unit)) throw invalid(`memberships[${i}].unit`, `names no org unit ("${m.unit}")`);
      const problem = roleProblem(m.role);
      if (problem) throw invalid(`memberships[${i}].role`, problem);
    });
  }
}

export const tokenHash = (secret: string) => createHash('sha256').update(secret).digest('hex');
