import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryPrepared, queryRows } from '../prepared.js';

export interface Membership {
  role: string;
  unit: string;
}

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  /** Where mail goes (set by admins); null: no mail. */
  email: string | null;
  passwordHash: string | null;
  active: boolean;
  memberships: Membership[];
  createdAt: Date;
  /** Goes up when the password changes or the user is disabled: access tokens signed before no longer count. */
  credentialsVersion: number;
}

/** When a sign-in session ended (null: it runs), ends at the latest, and ends unless refreshed. */
export interface SessionDeadlines {
  endedAt: Date | null;
  expiresAt: Date;
  idleExpiresAt: Date;
}

export interface OrgUnitRecord {
  key: string;
  name: { vi: string; en: string };
  parentKey: string | null;
}

const USER_SELECT = `SELECT u.id, u.username, u.display_name, u.email, u.password_hash, u.active, u.created_at, u.credentials_version,
  coalesce((SELECT json_agg(json_build_object('role', r.role, 'unit', r.unit_key) ORDER BY r.role, r.unit_key) FROM user_roles r WHERE r.user_id = u.id), '[]') AS memberships
  FROM users u`;

function toUser(row: Record<string, any>): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    passwordHash: row.password_hash,
    active: row.active,
    memberships: row.memberships,
    createdAt: row.created_at,
    credentialsVersion: row.credentials_version,
  };
}

/** Users, their role memberships per unit, org units, API tokens and failed sign-ins. */
@Injectable()
export class IdentityRepository {
  async findUserByUsername(manager: EntityManager, username: string): Promise<UserRecord | undefined> {
    const rows = await manager.query(`${USER_SELECT} WHERE u.username = $1`, [username]);
    return rows[0] ? toUser(rows[0]) : undefined;
  }

  /** Accounts whose e-mail is this one, ignoring case (single sign-on by e-mail; at most two: one too many is enough to know). */
  async findUsersByEmail(manager: EntityManager, email: string): Promise<UserRecord[]> {
    return (await manager.query(`${USER_SELECT} WHERE lower(u.email) = lower($1) ORDER BY u.username LIMIT 2`, [email])).map(toUser);
  }

  /** On every authenticated request (roles are read fresh): a prepared statement on the pool directly. */
  async findUserById(manager: EntityManager, id: string): Promise<UserRecord | undefined> {
    const rows = await queryPrepared(manager, 'phoihop_user_by_id', `${USER_SELECT} WHERE u.id = $1`, [id]);
    return rows[0] ? toUser(rows[0]) : undefined;
  }

  /**
   * The user behind an access token with the deadlines of its session (null when it names none,
   * or one that is not this user's): one round trip for what every signed-in request checks. The
   * caller decides whether the session still runs (the principal cache checks the same deadlines).
   */
  async findUserWithSession(manager: EntityManager, id: string, sessionId: string | null): Promise<{ user: UserRecord; session: SessionDeadlines | null } | undefined> {
    const rows = await queryPrepared(
      manager,
      'phoihop_user_with_session',
      `SELECT s.*, x.ended_at AS session_ended_at, x.expires_at AS session_expires_at, x.idle_expires_at AS session_idle_expires_at
         FROM (${USER_SELECT} WHERE u.id = $1) s LEFT JOIN sessions x ON x.id = $2::uuid AND x.user_id = s.id`,
      [id, sessionId],
    );
    const row = rows[0];
    if (!row) return undefined;
    const session = row.session_expires_at ? { endedAt: row.session_ended_at, expiresAt: row.session_expires_at, idleExpiresAt: row.session_idle_expires_at } : null;
    return { user: toUser(row), session };
  }

  async listUsers(manager: EntityManager): Promise<UserRecord[]> {
    return (await manager.query(`${USER_SELECT} ORDER BY u.username`)).map(toUser);
  }

  async countUsers(manager: EntityManager): Promise<number> {
    return (await manager.query(`SELECT count(*)::int AS n FROM users`))[0].n;
  }

  async insertUser(manager: EntityManager, u: { username: string; displayName: string; email?: string | null; passwordHash: string | null; memberships: Membership[] }): Promise<UserRecord> {
    const [{ id }] = await manager.query(`INSERT INTO users (username, display_name, password_hash, email) VALUES ($1, $2, $3, $4) RETURNING id`, [
      u.username,
      u.displayName,
      u.passwordHash,
      u.email ?? null,
    ]);
    await this.setMemberships(manager, id, u.memberships);
    return (await this.findUserById(manager, id))!;
  }

  /**
   * A new password or a change of `active` also moves the credentials version on, which ends the
   * sessions opened before (see UserRecord.credentialsVersion).
   */
  async updateUser(manager: EntityManager, id: string, change: { displayName?: string; passwordHash?: string; active?: boolean; email?: string | null }): Promise<void> {
    await manager.query(
      `UPDATE users SET display_name = coalesce($2, display_name), password_hash = coalesce($3, password_hash), active = coalesce($4, active),
         email = CASE WHEN $5::boolean THEN $6::text ELSE email END,
         credentials_version = credentials_version + CASE WHEN $3::text IS NOT NULL OR ($4::boolean IS NOT NULL AND $4::boolean <> active) THEN 1 ELSE 0 END,
         updated_at = now() WHERE id = $1`,
      [id, change.displayName ?? null, change.passwordHash ?? null, change.active ?? null, change.email !== undefined, change.email ?? null],
    );
  }

  async setMemberships(manager: EntityManager, userId: string, memberships: Membership[]): Promise<void> {
    await manager.query(`DELETE FROM user_roles WHERE user_id = $1`, [userId]);
    for (const m of memberships) {
      await manager.query(`INSERT INTO user_roles (user_id, role, unit_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [userId, m.role, m.unit]);
    }
  }

  async listUnits(manager: EntityManager): Promise<OrgUnitRecord[]> {
    const rows = await manager.query(`SELECT key, name, parent_key FROM org_units ORDER BY key`);
    return rows.map((r: Record<string, any>) => ({ key: r.key, name: r.name, parentKey: r.parent_key }));
  }

  async upsertUnit(manager: EntityManager, unit: OrgUnitRecord): Promise<void> {
    await manager.query(
      `INSERT INTO org_units (key, name, parent_key) VALUES ($1, $2::jsonb, $3) ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, parent_key = EXCLUDED.parent_key`,
      [unit.key, JSON.stringify(unit.name), unit.parentKey],
    );
  }

  async insertToken(manager: EntityManager, t: { userId: string; name: string; tokenHash: string; expiresAt: Date | null }): Promise<{ id: string; createdAt: Date }> {
    const [row] = await manager.query(`INSERT INTO api_tokens (user_id, name, token_hash, expires_at) VALUES ($1, $2, $3, $4) RETURNING id, created_at`, [
      t.userId,
      t.name,
      t.tokenHash,
      t.expiresAt,
    ]);
    return { id: row.id, createdAt: row.created_at };
  }

  /** The active token with this hash and its user; marks it used. */
  async useToken(manager: EntityManager, tokenHash: string): Promise<UserRecord | undefined> {
    const rows = await queryRows(
      manager,
      `UPDATE api_tokens SET last_used_at = now()
        WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now()) RETURNING user_id`,
      [tokenHash],
    );
    return rows[0] ? this.findUserById(manager, rows[0].user_id) : undefined;
  }

  async listTokens(manager: EntityManager, userId: string) {
    const rows = await manager.query(`SELECT id, name, created_at, expires_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = $1 ORDER BY created_at`, [
      userId,
    ]);
    return rows.map((r: Record<string, any>) => ({ id: r.id, name: r.name, createdAt: r.created_at, expiresAt: r.expires_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at }));
  }

  /** Revokes every active token of a user (password changed, user disabled); the ids revoked. */
  async revokeUserTokens(manager: EntityManager, userId: string): Promise<string[]> {
    const rows = await queryRows(manager, `UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`, [userId]);
    return rows.map((r) => r.id as string);
  }

  async revokeToken(manager: EntityManager, id: string, userId: string | null): Promise<boolean> {
    const rows = await queryRows(manager, `UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR user_id = $2) RETURNING id`, [
      id,
      userId,
    ]);
    return rows.length === 1;
  }

  async recordLoginFailure(manager: EntityManager, username: string, ip: string | null): Promise<void> {
    await manager.query(`INSERT INTO login_failures (username, ip) VALUES ($1, $2)`, [username, ip]);
  }

  async recentLoginFailures(manager: EntityManager, username: string, sinceMs: number): Promise<{ count: number; oldest: Date | null }> {
    const [row] = await manager.query(`SELECT count(*)::int AS n, min(at) AS oldest FROM login_failures WHERE username = $1 AND at > now() - make_interval(secs => $2)`, [
      username,
      sinceMs / 1000,
    ]);
    return { count: row.n, oldest: row.oldest };
  }

  async clearLoginFailures(manager: EntityManager, username: string): Promise<void> {
    await manager.query(`DELETE FROM login_failures WHERE username = $1`, [username]);
  }
}
