import { Injectable } from '@nestjs/common';
import type { Tx } from '../database.js';
import { queryRows } from '../prepared.js';

export type SessionMethod = 'password' | 'oidc';
export type SessionEndReason = 'logout' | 'ended_by_user' | 'ended_by_admin' | 'reuse' | 'credentials' | 'disabled' | 'password_changed';

export interface SessionRecord {
  id: string;
  userId: string;
  method: SessionMethod;
  credentialsVersion: number;
  createdAt: Date;
  lastUsedAt: Date;
  idleExpiresAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
  endedReason: SessionEndReason | null;
  ip: string | null;
  userAgent: string | null;
}

export interface NewSession {
  userId: string;
  refreshHash: string;
  method: SessionMethod;
  credentialsVersion: number;
  idleExpiresAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

const COLUMNS = `id, user_id, method, credentials_version, created_at, last_used_at, idle_expires_at, expires_at, ended_at, ended_reason, ip, user_agent`;

function toSession(row: Record<string, any>): SessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    method: row.method,
    credentialsVersion: row.credentials_version,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    idleExpiresAt: row.idle_expires_at,
    expiresAt: row.expires_at,
    endedAt: row.ended_at,
    endedReason: row.ended_reason,
    ip: row.ip,
    userAgent: row.user_agent,
  };
}

/**
 * Sign-in sessions and their refresh tokens, stored as SHA-256 (the caller hashes). A refresh
 * replaces the hash in one conditional statement; the hashes it replaced are kept (as long as the
 * session row) so that a copied token presented again is recognised.
 */
@Injectable()
export class SessionsRepository {
  /** Opens a session, and removes those ended or expired over a week ago (housekeeping, one statement). */
  async insert(manager: Tx, s: NewSession): Promise<SessionRecord> {
    const rows = await queryRows(
      manager,
      `WITH gone AS (DELETE FROM sessions WHERE expires_at < now() - interval '7 days' OR ended_at < now() - interval '7 days')
       INSERT INTO sessions (user_id, refresh_hash, method, credentials_version, idle_expires_at, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [s.userId, s.refreshHash, s.method, s.credentialsVersion, s.idleExpiresAt, s.expiresAt, s.ip, s.userAgent],
    );
    return toSession(rows[0]);
  }

  /**
   * Replaces a live session's refresh token: only if `oldHash` is its current one, it has not ended
   * and neither deadline has passed at `now`. The old hash is kept as spent. Undefined otherwise;
   * of two concurrent calls with the same token, one gets the row and the other undefined.
   */
  async rotate(manager: Tx, oldHash: string, newHash: string, now: Date, idleExpiresAt: Date): Promise<SessionRecord | undefined> {
    const rows = await queryRows(
      manager,
      `WITH s AS (
         UPDATE sessions SET refresh_hash = $2, last_used_at = $3, idle_expires_at = least($4, expires_at)
          WHERE refresh_hash = $1 AND ended_at IS NULL AND idle_expires_at > $3 AND expires_at > $3
          RETURNING ${COLUMNS}),
       spent AS (INSERT INTO session_spent_tokens (hash, session_id) SELECT $1, id FROM s)
       SELECT * FROM s`,
      [oldHash, newHash, now, idleExpiresAt],
    );
    return rows[0] ? toSession(rows[0]) : undefined;
  }

  /** The session a refresh token hash belongs to, now or before it was rotated away, and which of the two. */
  async findByHash(manager: Tx, hash: string): Promise<{ session: SessionRecord; spent: boolean } | undefined> {
    const rows = await queryRows(
      manager,
      `SELECT ${COLUMNS}, false AS spent FROM sessions WHERE refresh_hash = $1
       UNION ALL
       SELECT ${COLUMNS.replace(/(\w+)/g, 's.$1')}, true AS spent FROM session_spent_tokens t JOIN sessions s ON s.id = t.session_id WHERE t.hash = $1`,
      [hash],
    );
    return rows[0] ? { session: toSession(rows[0]), spent: rows[0].spent } : undefined;
  }

  async findById(manager: Tx, id: string): Promise<SessionRecord | undefined> {
    const rows = await manager.query(`SELECT ${COLUMNS} FROM sessions WHERE id = $1`, [id]);
    return rows[0] ? toSession(rows[0]) : undefined;
  }

  /** A user's sessions still running at `now`, newest first. */
  async listLive(manager: Tx, userId: string, now: Date): Promise<SessionRecord[]> {
    const rows = await manager.query(
      `SELECT ${COLUMNS} FROM sessions WHERE user_id = $1 AND ended_at IS NULL AND expires_at > $2 AND idle_expires_at > $2 ORDER BY created_at DESC`,
      [userId, now],
    );
    return rows.map(toSession);
  }

  /** Ends one session if it still runs; the session as ended, or undefined when it had ended already (or is unknown). */
  async end(manager: Tx, id: string, reason: SessionEndReason, now: Date): Promise<SessionRecord | undefined> {
    const rows = await queryRows(manager, `UPDATE sessions SET ended_at = $3, ended_reason = $2 WHERE id = $1 AND ended_at IS NULL RETURNING ${COLUMNS}`, [
      id,
      reason,
      now,
    ]);
    return rows[0] ? toSession(rows[0]) : undefined;
  }

  /** Ends every running session of a user, but `except`; the ids ended. */
  async endAllOf(manager: Tx, userId: string, reason: SessionEndReason, now: Date, except: string | null = null): Promise<string[]> {
    const rows = await queryRows(
      manager,
      `UPDATE sessions SET ended_at = $3, ended_reason = $2
        WHERE user_id = $1 AND ended_at IS NULL AND ($4::uuid IS NULL OR id <> $4::uuid) RETURNING id`,
      [userId, reason, now, except],
    );
    return rows.map((r) => r.id);
  }

  /** The credentials version a session carries on (after its own user changed their password). */
  async setCredentialsVersion(manager: Tx, id: string, version: number): Promise<void> {
    await manager.query(`UPDATE sessions SET credentials_version = $2 WHERE id = $1`, [id, version]);
  }
}
