import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counts shared by every api process (docs/security.md, "Rate limits"): one row per
 * client key, with when its current one-minute window opened. UNLOGGED: no WAL write per counted request; after a database
 * crash the table is empty, which only resets the current minute's counts.
 */
export class RateLimits1765756800000 implements MigrationInterface {
  name = 'RateLimits1765756800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE rate_limit_windows (
        key        text PRIMARY KEY,
        started_at timestamptz NOT NULL,
        count      integer NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit_windows`);
  }
}
