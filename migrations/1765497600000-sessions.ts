import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions that last a working day (docs/security.md, "Sessions"):
 *
 * - `sessions`: one row per sign-in. Only the SHA-256 of the current refresh token is kept; each
 *   refresh replaces it in one conditional UPDATE, so two refreshes with the same token cannot both
 *   win. The user's credentials version at sign-in is kept so that a reset or a deactivation ends
 *   the session at its next refresh even if nothing else did.
 * - `session_spent_tokens`: the hashes of refresh tokens already rotated away. One presented again
 *   means it was copied: the whole session ends (reason `reuse`).
 */
export class Sessions1765497600000 implements MigrationInterface {
  name = 'Sessions1765497600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sessions (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id             uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        refresh_hash        text NOT NULL UNIQUE,
        method              text NOT NULL CHECK (method IN ('password', 'oidc')),
        credentials_version integer NOT NULL,
        created_at          timestamptz NOT NULL DEFAULT now(),
        last_used_at        timestamptz NOT NULL DEFAULT now(),
        idle_expires_at     timestamptz NOT NULL,
        expires_at          timestamptz NOT NULL,
        ended_at            timestamptz,
        ended_reason        text CHECK (ended_reason IN ('logout', 'ended_by_user', 'ended_by_admin', 'reuse', 'credentials', 'disabled', 'password_changed')),
        ip                  text,
        user_agent          text,
        CHECK ((ended_at IS NULL) = (ended_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX sessions_user ON sessions (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX sessions_expiry ON sessions (expires_at)`);
    await q.query(`
      CREATE TABLE session_spent_tokens (
        hash       text PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX session_spent_tokens_session ON session_spent_tokens (session_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE session_spent_tokens`);
    await q.query(`DROP TABLE sessions`);
  }
}
