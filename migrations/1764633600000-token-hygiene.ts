import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credentials that end together: `credentials_version` is copied into every access token at
 * sign-in and compared on every request, so a password change or a deactivation ends the
 * sessions opened before it (access tokens cannot be revoked one by one). API tokens are revoked
 * on the same occasions; the ones of users already disabled are revoked here, so that re-enabling
 * such a user does not bring them back.
 */
export class TokenHygiene1764633600000 implements MigrationInterface {
  name = 'TokenHygiene1764633600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN credentials_version integer NOT NULL DEFAULT 0`);
    await q.query(`UPDATE api_tokens t SET revoked_at = now() FROM users u WHERE u.id = t.user_id AND NOT u.active AND t.revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN credentials_version`);
  }
}
