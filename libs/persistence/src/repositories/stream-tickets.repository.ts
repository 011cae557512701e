import { Injectable } from '@nestjs/common';
import type { Tx } from '../database.js';
import { queryRows } from '../prepared.js';

/**
 * Tickets that open a live stream: stored as their SHA-256 (the caller hashes), bound to a user,
 * valid until `expires_at`, and deleted by the one redemption that succeeds. In PostgreSQL, not in
 * a process's memory, so that the browser may open the stream on any api process.
 */
@Injectable()
export class StreamTicketsRepository {
  /** Stores a ticket, and removes those long expired (housekeeping, one cheap statement). */
  async insert(manager: Tx, hash: string, userId: string, expiresAt: Date): Promise<void> {
    await manager.query(
      `WITH gone AS (DELETE FROM stream_tickets WHERE expires_at < now() - interval '1 hour')
       INSERT INTO stream_tickets (hash, user_id, expires_at) VALUES ($1, $2, $3)`,
      [hash, userId, expiresAt],
    );
  }

  /** Redeems a ticket once: its user id, or undefined when it is unknown, used or expired at `now`. */
  async redeem(manager: Tx, hash: string, now: Date): Promise<string | undefined> {
    const rows = await queryRows(manager, `DELETE FROM stream_tickets WHERE hash = $1 RETURNING user_id, expires_at`, [hash]);
    const row = rows[0];
    if (!row || new Date(row.expires_at).getTime() <= now.getTime()) return undefined;
    return row.user_id;
  }
}
