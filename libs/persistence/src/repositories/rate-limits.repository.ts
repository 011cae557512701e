import { Injectable } from '@nestjs/common';
import type { Tx } from '../database.js';
import { queryRows } from '../prepared.js';

export interface WindowCount {
  /** Requests of the key in its window, every process's that were added. */
  count: number;
  /** Milliseconds until the window ends, by the database's clock. */
  resetInMs: number;
}

/**
 * Request counts per client key, shared by every api process (the migration RateLimits1765756800000:
 * an UNLOGGED table, since a count lost in a database crash only lets a few more requests through in
 * that minute, and is not worth a WAL write per request). A key's window opens with its first
 * request and lasts `windowMs`, by the database's clock, which every process shares.
 */
@Injectable()
export class RateLimitsRepository {
  /**
   * Adds `counts[i]` to `keys[i]`'s count, in one statement, opening a new window for a key whose
   * window has ended, and answers each key's count after it. Rows of windows long ended go in the
   * same statement.
   */
  async add(manager: Tx, windowMs: number, keys: string[], counts: number[]): Promise<Map<string, WindowCount>> {
    const rows = await queryRows(
      manager,
      `WITH gone AS (DELETE FROM rate_limit_windows WHERE started_at < now() - 2 * make_interval(secs => $1::double precision / 1000) AND key <> ALL($2::text[]))
       INSERT INTO rate_limit_windows AS w (key, started_at, count)
       SELECT k, now(), n FROM unnest($2::text[], $3::int[]) AS x(k, n)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN w.started_at <= now() - make_interval(secs => $1::double precision / 1000) THEN EXCLUDED.count ELSE w.count + EXCLUDED.count END,
         started_at = CASE WHEN w.started_at <= now() - make_interval(secs => $1::double precision / 1000) THEN now() ELSE w.started_at END
       RETURNING key, count, extract(epoch FROM started_at + make_interval(secs => $1::double precision / 1000) - now()) * 1000 AS reset_in_ms`,
      [windowMs, keys, counts],
    );
    return new Map(rows.map((r) => [r.key as string, { count: Number(r.count), resetInMs: Math.max(0, Number(r.reset_in_ms)) }]));
  }
}
